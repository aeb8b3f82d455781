using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>
/// The evidence of a goods received note: the signed delivery note, and photos of the units received (<c>subjectId</c>: the
/// asset a photo shows, published as <c>inventory.receipt-photo-attached</c>). Added until final acceptance, recorded or deemed.
/// </summary>
public static class GoodsReceivedEvidence
{
    public const string RecordType = "GoodsReceivedNote";

    public static void Map(RouteGroupBuilder api) => api.MapEvidence("/goods-received-notes/{noteId:guid}", new EvidenceOptions
    {
        RecordType = RecordType,
        UploadRoles = [Roles.LogisticsOfficer],
        ReadRoles = [Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.DonorMonitor, Roles.Administrator],
        Find = async (context, ct) =>
        {
            var id = Guid.Parse((string)context.Request.RouteValues["noteId"]!);
            var db = context.RequestServices.GetRequiredService<InventoryDbContext>();
            var today = DateOnly.FromDateTime(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var found = await db.GoodsReceivedNotes.Where(n => n.Id == id)
                .Join(db.Shipments, n => n.ShipmentId, s => s.Id, (n, s) => new { Note = n, s.DonorCode }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"No goods received note {id}.");
            var units = await db.Assets.AsNoTracking().Where(a => a.GoodsReceivedNoteId == id).Select(a => a.Id).ToListAsync(ct);
            return new EvidenceRecord(RecordType, id.ToString(), $"Goods received note {found.Note.Number}", found.DonorCode,
                found.Note.EvidenceClosedState(today), units, Guard: found.Note);
        },
        Stored = async (db, record, file, now, ct) =>
        {
            if (file.SubjectId is not { } unit || !file.ContentType.StartsWith("image/", StringComparison.Ordinal)) return;
            var grantId = await ((InventoryDbContext)db).Assets.AsNoTracking().Where(a => a.Id == unit).Select(a => a.GrantId).SingleAsync(ct);
            db.Publish(new ReceiptPhotoAttached(unit, grantId, record.Scope ?? "", Guid.Parse(record.RecordId), file.Id) { OccurredAt = now });
        },
        Removed = (db, _, file, now, _) =>
        {
            if (file.SubjectId is { } unit && file.ContentType.StartsWith("image/", StringComparison.Ordinal))
                db.Publish(new ReceiptPhotoRemoved(unit, file.Id) { OccurredAt = now });
            return Task.CompletedTask;
        },
    });
}
