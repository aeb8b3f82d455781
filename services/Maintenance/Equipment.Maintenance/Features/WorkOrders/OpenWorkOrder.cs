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
/// Opens a preventive or corrective work order. A corrective one on an asset still under warranty (up to and including
/// its last day) raises a warranty claim against the supplier and publishes <c>maintenance.warranty-claim-raised</c>.
/// </summary>
public static class OpenWorkOrder
{
    public sealed record Command(Guid? AssetId, WorkOrderKind? Kind, Guid? FaultReportId) : IRequest<WorkOrderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssetId).NotNull();
            RuleFor(c => c.Kind).NotNull();
        }
    }

    public sealed class Handler(MaintenanceDbContext db, TimeProvider clock) : IRequestHandler<Command, WorkOrderResponse>
    {
        public async Task<WorkOrderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(c.AssetId!.Value, null, cancellationToken);
            if (c.FaultReportId is { } faultId && !await db.Faults.AnyAsync(f => f.Id == faultId && f.AssetId == asset.AssetId, cancellationToken))
                throw new RuleViolationException("faultReportId", "FaultOfThisAsset", $"No fault report {faultId} on asset {asset.SerialNumber}.");
            var now = clock.GetUtcNow();
            var order = new WorkOrder(asset.AssetId, c.Kind!.Value, c.FaultReportId, now.UtcDateTime);
            db.WorkOrders.Add(order);

            WarrantyClaim? claim = null;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (order.Kind == WorkOrderKind.Corrective && asset.IsUnderWarranty(today))
            {
                claim = WarrantyClaim.RaiseFor(order, asset, existing: null, today);
                db.WarrantyClaims.Add(claim);
                db.Publish(new WarrantyClaimRaised(today, claim.Id, asset.AssetId, asset.GrantId, claim.SupplierName, order.Id, asset.WarrantyEndsOn) { OccurredAt = now });
            }
            await db.SaveChangesAsync(cancellationToken);
            return WorkOrderResponse.From(order, claim?.Id, asset.SerialNumber);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/work-orders", async (OpenWorkOrderRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new Command(body.AssetId, body.Kind, body.FaultReportId), ct);
                return TypedResults.Created($"/api/maintenance/work-orders/{order.Id}", order);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithName("OpenWorkOrder");
}
