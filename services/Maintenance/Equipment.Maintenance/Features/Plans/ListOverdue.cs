using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Plans;

/// <summary>Preventive maintenance overdue on a day (today by default): due before that day and not done since.</summary>
public static class ListOverdue
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overdue", async (DateOnly? on, MaintenanceDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var day = on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                return await (from s in db.Schedules.AsNoTracking()
                              join a in db.Assets.AsNoTracking() on s.AssetId equals a.AssetId
                              where s.NextDueOn < day && (user.DonorScope == null || a.DonorCode == user.DonorScope)
                              orderby s.NextDueOn
                              select new OverdueResponse(a.AssetId, a.SerialNumber, a.ItemCategory, a.CrossingPointCode, s.NextDueOn, s.LastDoneOn))
                    .Take(1000).ToListAsync(ct);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListOverdue");
}

public sealed record OverdueResponse(Guid AssetId, string SerialNumber, string ItemCategory, string? CrossingPointCode, DateOnly DueOn, DateOnly? LastDoneOn);
