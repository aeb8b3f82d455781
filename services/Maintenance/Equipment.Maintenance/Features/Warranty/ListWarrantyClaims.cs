using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Warranty;

/// <summary>The warranty claims, newest first (the latest 500), and one claim, each with its asset's serial; a monitor sees their donor's only.</summary>
public static class ListWarrantyClaims
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/warranty-claims", async (MaintenanceDbContext db, CurrentUser user, CancellationToken ct) =>
                (await (from w in db.WarrantyClaims.AsNoTracking()
                        join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                        where user.DonorScope == null || a.DonorCode == user.DonorScope
                        orderby w.RaisedOn descending
                        select new { Claim = w, a.SerialNumber }).Take(500).ToListAsync(ct))
                .Select(r => WarrantyClaimResponse.From(r.Claim, r.SerialNumber)).ToList())
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListWarrantyClaims");
        api.MapGet("/warranty-claims/{claimId:guid}", async (Guid claimId, MaintenanceDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var row = await (from w in db.WarrantyClaims.AsNoTracking()
                                 join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                                 where w.Id == claimId && (user.DonorScope == null || a.DonorCode == user.DonorScope)
                                 select new { Claim = w, a.SerialNumber }).SingleOrDefaultAsync(ct)
                          ?? throw new NotFoundException($"No warranty claim {claimId}.");
                return WarrantyClaimResponse.From(row.Claim, row.SerialNumber);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetWarrantyClaim");
    }
}
