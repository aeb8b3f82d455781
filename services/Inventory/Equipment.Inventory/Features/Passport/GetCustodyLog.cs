using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Assets;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Passport;

/// <summary>The asset's custody log, oldest first: who, what, from, to, when, why.</summary>
public static class GetCustodyLog
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}/custody", async (Guid assetId, InventoryDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var asset = await db.VisibleAssetAsync(assetId, user.DonorScope, ct);
                return (await db.CustodyLog.AsNoTracking().Where(c => c.AssetId == asset.Id).OrderBy(c => c.Id).ToListAsync(ct)).Select(e => CustodyEntryResponse.From(e)).ToList();
            })
            .Produces<List<CustodyEntryResponse>>()
            .WithName("GetCustodyLog");
}
