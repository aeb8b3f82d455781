using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.WorkOrders;

/// <summary>
/// The work-order list people work with: open ones or the history (<c>open</c>), a status, kind or crossing point,
/// text found in the serial, the symptom or the technician's name (any case), sorted and paged in the database.
/// </summary>
public static class SearchWorkOrders
{
    public static readonly string[] Sorts = ["-openedAt", "openedAt", "serialNumber", "status"];

    public sealed record Query(string? DonorScope, bool? Open, WorkOrderStatus? Status, WorkOrderKind? Kind, string? CrossingPointCode, Guid? AssetId, string? Q,
        string? Sort, int? Page, int? PageSize) : IRequest<Page<WorkOrderRow>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.CrossingPointCode).MaximumLength(40);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(MaintenanceDbContext db) : IRequestHandler<Query, Page<WorkOrderRow>>
    {
        public async Task<Page<WorkOrderRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = from w in db.WorkOrders.AsNoTracking()
                       join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                       select new { w, a };
            if (query.DonorScope is { } donor) rows = rows.Where(r => r.a.DonorCode == donor);
            if (query.Open is true) rows = rows.Where(r => r.w.Status != WorkOrderStatus.Completed && r.w.Status != WorkOrderStatus.Cancelled);
            if (query.Open is false) rows = rows.Where(r => r.w.Status == WorkOrderStatus.Completed || r.w.Status == WorkOrderStatus.Cancelled);
            if (query.Status is { } status) rows = rows.Where(r => r.w.Status == status);
            if (query.Kind is { } kind) rows = rows.Where(r => r.w.Kind == kind);
            if (query.AssetId is { } assetId) rows = rows.Where(r => r.w.AssetId == assetId);
            if (!string.IsNullOrWhiteSpace(query.CrossingPointCode)) rows = rows.Where(r => r.a.CrossingPointCode == query.CrossingPointCode);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                rows = rows.Where(r => r.a.SerialNumber.ToLower().Contains(text)
                                       || (r.w.Technician != null && r.w.Technician.ToLower().Contains(text))
                                       || db.Faults.Any(f => f.Id == r.w.FaultReportId && f.Symptom.ToLower().Contains(text)));
            }
            rows = (query.Sort ?? "-openedAt") switch
            {
                "openedAt" => rows.OrderBy(r => r.w.OpenedAt).ThenBy(r => r.w.Id),
                "serialNumber" => rows.OrderBy(r => r.a.SerialNumber).ThenByDescending(r => r.w.OpenedAt),
                "status" => rows.OrderBy(r => r.w.Status).ThenByDescending(r => r.w.OpenedAt),
                _ => rows.OrderByDescending(r => r.w.OpenedAt).ThenBy(r => r.w.Id),
            };
            return await rows.Select(r => new WorkOrderRow(r.w.Id, r.w.AssetId, r.a.SerialNumber, r.a.ItemCategory, r.a.CrossingPointCode, r.w.Kind, r.w.Status,
                    db.Faults.Where(f => f.Id == r.w.FaultReportId).Select(f => f.Symptom).FirstOrDefault(), r.w.OpenedAt, r.w.ScheduledFor, r.w.Technician,
                    r.w.CompletedOn, db.WarrantyClaims.Where(c => c.WorkOrderId == r.w.Id).Select(c => (Guid?)c.Id).FirstOrDefault()))
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/work-orders/search", (bool? open, WorkOrderStatus? status, WorkOrderKind? kind, string? crossingPointCode, Guid? assetId, string? q, string? sort,
                int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, open, status, kind, crossingPointCode, assetId, q, sort, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("SearchWorkOrders");
}
