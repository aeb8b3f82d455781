using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Status;

/// <summary>
/// Availability over a period [from, to): per asset, per crossing point or per grant, the time-weighted share of known
/// time during which assets were operational. Status entries before the period count for its start; a period that ends
/// in the future is counted up to now, as donor-reporting does.
/// </summary>
public static class GetAvailability
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/availability", async (DateTime? from, DateTime? to, string? by, MaintenanceDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (from is null || to is null) throw new RuleViolationException(from is null ? "from" : "to", "NotEmpty", "Give the period as ?from=…&to=… (UTC).");
                if (to <= from) throw new RuleViolationException("to", "AfterFrom", "The period ends after it starts.");
                var grouping = by ?? "asset";
                if (grouping is not ("asset" or "crossingPoint" or "grant"))
                    throw new RuleViolationException("by", "KnownGrouping", "Group by asset, crossingPoint or grant.");
                var now = clock.GetUtcNow().UtcDateTime;
                var (start, end) = (from.Value.ToUniversalTime(), Availability.CountedTo(to.Value.ToUniversalTime(), now));

                var assets = await db.Assets.AsNoTracking().Where(a => user.DonorScope == null || a.DonorCode == user.DonorScope).ToListAsync(ct);
                var ids = assets.Select(a => a.AssetId).ToList();
                var history = (await db.StatusHistory.AsNoTracking().Where(s => ids.Contains(s.AssetId) && s.At < end).ToListAsync(ct)).ToLookup(s => s.AssetId);
                var perAsset = assets.Select(a => (Asset: a, Time: Availability.For(history[a.AssetId].ToList(), start, end, now))).Where(x => x.Time.Known > TimeSpan.Zero).ToList();

                return perAsset
                    .GroupBy(x => grouping switch { "asset" => x.Asset.SerialNumber, "crossingPoint" => x.Asset.CrossingPointCode ?? "(not deployed)", _ => x.Asset.GrantId.ToString() })
                    .Select(g =>
                    {
                        // Summed in hours, not ticks: many assets over centuries overflow a TimeSpan.
                        var operational = g.Sum(x => x.Time.Operational.TotalHours);
                        var known = g.Sum(x => x.Time.Known.TotalHours);
                        return new AvailabilityResponse(g.Key, g.Count(), Math.Round(operational, 2), Math.Round(known, 2), known <= 0 ? null : Math.Round(operational / known, 4), end);
                    })
                    .OrderBy(r => r.Key)
                    .ToList();
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetAvailability");
}
