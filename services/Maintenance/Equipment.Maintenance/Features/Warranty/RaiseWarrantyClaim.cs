using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Hosting;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Warranty;

/// <summary>
/// <c>POST /work-orders/{id}/warranty-claim</c>: a technician raises a claim on the supplier for a work order that has
/// none (see <see cref="WarrantyClaim.RaiseFor"/>), and <c>maintenance.warranty-claim-raised</c> is published as for the
/// claim a corrective job raises by itself. Two raises of one work order at once have one winner (a unique index).
/// </summary>
public static class RaiseWarrantyClaim
{
    public sealed record Command(Guid WorkOrderId) : IRequest<WarrantyClaimResponse>;

    public sealed class Handler(MaintenanceDbContext db, TimeProvider clock) : IRequestHandler<Command, WarrantyClaimResponse>
    {
        public async Task<WarrantyClaimResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var order = await db.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Id == c.WorkOrderId, cancellationToken)
                ?? throw new NotFoundException($"No work order {c.WorkOrderId}.");
            var asset = await db.AssetAsync(order.AssetId, null, cancellationToken);
            var existing = await db.WarrantyClaims.AsNoTracking().SingleOrDefaultAsync(w => w.WorkOrderId == order.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var claim = WarrantyClaim.RaiseFor(order, asset, existing, today);
            db.WarrantyClaims.Add(claim);
            db.Publish(new WarrantyClaimRaised(today, claim.Id, asset.AssetId, asset.GrantId, claim.SupplierName, order.Id, asset.WarrantyEndsOn) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return WarrantyClaimResponse.From(claim, asset.SerialNumber);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/work-orders/{workOrderId:guid}/warranty-claim", async (Guid workOrderId, IMediator mediator, CancellationToken ct) =>
            {
                var claim = await mediator.Send(new Command(workOrderId), ct);
                return TypedResults.Created($"/api/maintenance/warranty-claims/{claim.Id}", claim);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithName("RaiseWarrantyClaim");
}
