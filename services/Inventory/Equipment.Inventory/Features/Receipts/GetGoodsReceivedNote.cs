using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts.Api;
using Equipment.Inventory.Data;
using Equipment.Inventory.Features.Assets;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary><c>GET /goods-received-notes/{noteId}</c>: the note, its lines and the units it registered (a donor's monitor: their donor's only).</summary>
public static class GetGoodsReceivedNote
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/goods-received-notes/{noteId:guid}", async (Guid noteId, InventoryDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = user.DonorScope;
                var note = await db.GoodsReceivedNotes.AsNoTracking()
                    .Where(n => n.Id == noteId && (scope == null || db.Shipments.Any(s => s.Id == n.ShipmentId && s.DonorCode == scope)))
                    .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"No goods received note {noteId}.");
                var assets = await db.Assets.AsNoTracking().Where(a => a.GoodsReceivedNoteId == noteId).OrderBy(a => a.SerialNumber).ToListAsync(ct);
                var response = GoodsReceivedResponse.From(note, assets);
                return response with { AcceptedOn = note.AcceptanceOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) };
            })
            .WithName("GetGoodsReceivedNote");
}
