using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Plans;

/// <summary>
/// Preventive maintenance overdue on a day (today by default): due by date (from the day after it was due), or by use
/// (hours or km logged since the last service, or since deployment, reaching the plan's interval).
/// </summary>
public static class ListOverdue
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overdue", (DateOnly? on, MaintenanceDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                OverdueAsync(db, user.DonorScope, on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListOverdue");

    /// <summary>The assets whose preventive maintenance is overdue on <paramref name="day"/>, each with why, oldest due first.</summary>
    public static async Task<List<OverdueResponse>> OverdueAsync(MaintenanceDbContext db, string? donorScope, DateOnly day, CancellationToken ct)
    {
        var rows = await (from s in db.Schedules.AsNoTracking()
                          join a in db.Assets.AsNoTracking() on s.AssetId equals a.AssetId
                          join p in db.Plans.AsNoTracking() on s.ItemCategory equals p.ItemCategory
                          where donorScope == null || a.DonorCode == donorScope
                          where a.Status != OperationalStatus.Disposed
                          select new { Schedule = s, Asset = a, Plan = p }).ToListAsync(ct);
        var usageBased = rows.Where(r => r.Plan.IntervalUsageHours is not null || r.Plan.IntervalKm is not null).Select(r => r.Asset.AssetId).ToList();
        var usage = (await db.UsageLogs.AsNoTracking().Where(u => usageBased.Contains(u.AssetId) && u.To <= day).ToListAsync(ct)).ToLookup(u => u.AssetId);

        return rows.Select(r =>
            {
                var since = r.Schedule.LastDoneOn ?? r.Asset.DeployedOn ?? DateOnly.MinValue;
                var logged = usage[r.Asset.AssetId].Where(u => u.From >= since).ToList();
                var (hours, km) = (logged.Sum(u => u.Hours ?? 0), logged.Sum(u => u.Km ?? 0));
                var reasons = new List<Words>();
                if (r.Schedule.IsOverdue(day)) reasons.Add(Words.Say("due on {0}", r.Schedule.NextDueOn));
                if (r.Plan.IntervalUsageHours is { } h && hours >= h) reasons.Add(Words.Say("{0} hours used since {1} (interval {2})", Whole(hours), since, Whole(h)));
                if (r.Plan.IntervalKm is { } k && km >= k) reasons.Add(Words.Say("{0} km since {1} (interval {2})", Whole(km), since, Whole(k)));
                return new OverdueResponse(r.Asset.AssetId, r.Asset.SerialNumber, r.Asset.ItemCategory, r.Asset.CrossingPointCode, r.Schedule.NextDueOn,
                    r.Schedule.LastDoneOn, string.Join("; ", reasons.Select(w => w.Text)), reasons);
            })
            .Where(o => o.Why.Length > 0)
            .OrderBy(o => o.DueOn)
            .ToList();
    }

    /// <summary>A whole number with its thousands marked ("10,000"), as the client turns it into its user's own.</summary>
    private static string Whole(decimal value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
