using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Status;

/// <summary>
/// Mean time between failures and mean time to repair, in days, per model (manufacturer and model) or per crossing point,
/// from the fault reports, the corrective work orders completed for them and each asset's time in service (see
/// <see cref="Reliability"/>). A monitor sees its own donor's assets only.
/// </summary>
public static class GetReliability
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reliability", async (string? by, MaintenanceDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var grouping = by ?? "model";
                if (grouping is not ("model" or "crossingPoint"))
                    throw new RuleViolationException("by", "KnownGrouping", "Group by model or crossingPoint.");
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

                var assets = await db.Assets.AsNoTracking().Where(a => a.DeployedOn != null && (user.DonorScope == null || a.DonorCode == user.DonorScope)).ToListAsync(ct);
                var ids = assets.Select(a => a.AssetId).ToList();
                var statuses = (await db.StatusHistory.AsNoTracking().Where(s => ids.Contains(s.AssetId)).ToListAsync(ct)).ToLookup(s => s.AssetId);
                var faults = await db.Faults.AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync(ct);
                var reportedOn = faults.ToDictionary(f => f.Id, f => DateOnly.FromDateTime(f.ReportedAt));
                var repairs = (await db.WorkOrders.AsNoTracking()
                        .Where(w => ids.Contains(w.AssetId) && w.Kind == WorkOrderKind.Corrective && w.Status == WorkOrderStatus.Completed && w.FaultReportId != null)
                        .ToListAsync(ct))
                    .Where(w => w.CompletedOn is not null && reportedOn.ContainsKey(w.FaultReportId!.Value))
                    .ToLookup(w => w.AssetId, w => (reportedOn[w.FaultReportId!.Value], w.CompletedOn!.Value));
                var faultsOf = faults.ToLookup(f => f.AssetId);

                return Reliability.Group(assets.Select(a => Reliability.For(
                        grouping == "model" ? ModelOf(a) : a.CrossingPointCode ?? "(not deployed)",
                        statuses[a.AssetId].ToList(), faultsOf[a.AssetId].ToList(), repairs[a.AssetId].ToList(), today)))
                    .Select(f => new ReliabilityResponse(f.Key, f.Assets, f.Failures, f.InServiceDays, f.MtbfDays, f.Repairs, f.MttrDays))
                    .ToList();
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetReliability");

    private static string ModelOf(MaintainedAsset a) =>
        $"{a.Manufacturer} {a.Model}".Trim() is { Length: > 0 } model ? model : $"{a.ItemCategory} (model unknown)";
}
