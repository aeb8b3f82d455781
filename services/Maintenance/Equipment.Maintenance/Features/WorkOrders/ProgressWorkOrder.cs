using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.WorkOrders;

/// <summary>
/// Moves a work order along: schedule (day, technician), start, complete (parts, labour, outcome) or cancel. Completing a
/// preventive order resets the asset's plan; completion publishes <c>maintenance.work-order-completed</c>.
/// </summary>
public static class ProgressWorkOrder
{
    public enum Step { Schedule, Start, Complete, Cancel }

    public sealed record Command(Guid WorkOrderId, Step Step, DateOnly? On, string? Technician, IReadOnlyList<PartUsed>? Parts, decimal? LabourHours, string? Text)
        : IRequest<WorkOrderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.On).NotNull().When(c => c.Step is Step.Schedule or Step.Complete);
            RuleFor(c => c.On).LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(c => c.Step == Step.Complete)
                .WithMessage("Work is completed on a day that has come.");
            RuleFor(c => c.On).LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(c => c.Step == Step.Start && c.On is not null)
                .WithMessage("Work is started on a day that has come.");
            RuleFor(c => c.Technician).NotEmpty().When(c => c.Step == Step.Schedule);
            RuleFor(c => c.LabourHours).NotNull().GreaterThanOrEqualTo(0).When(c => c.Step == Step.Complete);
            RuleFor(c => c.Text).NotEmpty().When(c => c.Step is Step.Complete or Step.Cancel).WithName("outcome or reason");
            RuleForEach(c => c.Parts).ChildRules(p =>
            {
                p.RuleFor(x => x.Name).NotEmpty();
                p.RuleFor(x => x.Quantity).GreaterThan(0);
                p.RuleFor(x => x.UnitCost).GreaterThanOrEqualTo(0);
            });
        }
    }

    public sealed class Handler(MaintenanceDbContext db, TimeProvider clock) : IRequestHandler<Command, WorkOrderResponse>
    {
        public async Task<WorkOrderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var order = await db.WorkOrders.FindAsync([c.WorkOrderId], cancellationToken) ?? throw new NotFoundException($"No work order {c.WorkOrderId}.");
            switch (c.Step)
            {
                case Step.Schedule: order.Schedule(c.On!.Value, c.Technician!); break;
                case Step.Start: order.Start(c.On ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)); break;
                case Step.Cancel: order.Cancel(c.Text!); break;
                case Step.Complete:
                    order.Complete(c.On!.Value, c.Parts ?? [], c.LabourHours!.Value, c.Text!);
                    var asset = await db.AssetAsync(order.AssetId, null, cancellationToken);
                    if (order.Kind == WorkOrderKind.Preventive)
                        foreach (var schedule in await db.Schedules.Where(s => s.AssetId == order.AssetId).ToListAsync(cancellationToken))
                            schedule.Done(c.On.Value);
                    var now = clock.GetUtcNow();
                    db.Publish(new WorkOrderCompleted(order.Id, order.AssetId, asset.GrantId,
                        order.Kind, c.On.Value, order.PartsCost, order.LabourHours, order.Outcome!) { OccurredAt = now });
                    // A corrective job raised for a reported fault repairs it: the donor's mean time to repair counts it.
                    if (order.Kind == WorkOrderKind.Corrective && order.FaultReportId is { } faultId
                        && await db.Faults.FindAsync([faultId], cancellationToken) is { } fault)
                        db.Publish(new FaultRepaired(fault.Id, order.Id, order.AssetId, asset.GrantId, new DateTimeOffset(fault.ReportedAt, TimeSpan.Zero), c.On.Value)
                            { OccurredAt = now });
                    break;
            }
            await db.SaveChangesAsync(cancellationToken);
            var known = await db.Assets.AsNoTracking().Where(a => a.AssetId == order.AssetId)
                .Select(a => new { a.SerialNumber, Claim = db.WarrantyClaims.Where(w => w.WorkOrderId == order.Id).Select(w => (Guid?)w.Id).FirstOrDefault() })
                .SingleAsync(cancellationToken);
            return WorkOrderResponse.From(order, known.Claim, known.SerialNumber);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/work-orders/{workOrderId:guid}/schedule", (Guid workOrderId, ScheduleWorkOrderRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(workOrderId, Step.Schedule, body?.On, body?.Technician, null, null, null), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WorkOrder>("workOrderId")
            .WithName("WorkOrderSchedule");
        api.MapPost("/work-orders/{workOrderId:guid}/start", (Guid workOrderId, StartWorkOrderRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(workOrderId, Step.Start, body?.On, null, null, null, null), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WorkOrder>("workOrderId")
            .WithName("WorkOrderStart");
        api.MapPost("/work-orders/{workOrderId:guid}/completion", (Guid workOrderId, CompleteWorkOrderRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(workOrderId, Step.Complete, body?.On, null, body?.Parts, body?.LabourHours, body?.Outcome), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WorkOrder>("workOrderId")
            .WithName("WorkOrderComplete");
        api.MapPost("/work-orders/{workOrderId:guid}/cancellation", (Guid workOrderId, CancelWorkOrderRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(workOrderId, Step.Cancel, null, null, null, null, body?.Reason), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WorkOrder>("workOrderId")
            .WithName("WorkOrderCancel");
        api.MapGet("/work-orders", async (Guid? assetId, WorkOrderStatus? status, MaintenanceDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var orders = await (from w in db.WorkOrders.AsNoTracking()
                                    join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                                    where (assetId == null || w.AssetId == assetId) && (status == null || w.Status == status)
                                          && (user.DonorScope == null || a.DonorCode == user.DonorScope)
                                    orderby w.OpenedAt descending
                                    select new
                                    {
                                        Order = w,
                                        Claim = db.WarrantyClaims.Where(c => c.WorkOrderId == w.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
                                    }).Take(500).ToListAsync(ct);
                return orders.Select(o => WorkOrderResponse.From(o.Order, o.Claim)).ToList();
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListWorkOrders");
        api.MapGet("/work-orders/{workOrderId:guid}", async (Guid workOrderId, MaintenanceDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var order = await (from w in db.WorkOrders.AsNoTracking()
                                   join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                                   where w.Id == workOrderId && (user.DonorScope == null || a.DonorCode == user.DonorScope)
                                   select new
                                   {
                                       Order = w,
                                       Claim = db.WarrantyClaims.Where(c => c.WorkOrderId == w.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
                                       a.SerialNumber,
                                   }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException($"No work order {workOrderId}.");
                return WorkOrderResponse.From(order.Order, order.Claim, order.SerialNumber);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetWorkOrder");
    }
}
