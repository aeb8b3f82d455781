using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Maintenance.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Passport;

/// <summary>Keeps what maintenance and the monitors say about an asset, for its passport.</summary>
public static class RecordAssetNotes
{
    public sealed class StatusHandler(InventoryDbContext db) : IIntegrationEventHandler<AssetStatusChanged>
    {
        public async Task HandleAsync(AssetStatusChanged e, CancellationToken cancellationToken)
        {
            if (!await db.Assets.AnyAsync(a => a.Id == e.AssetId, cancellationToken))
                throw new PoisonEventException($"maintenance reports on asset {e.AssetId}, which inventory never registered");
            db.AssetNotes.Add(new AssetNote(e.AssetId, e.ChangedAt.UtcDateTime, "maintenance", "StatusChanged", PassportWords.StatusChanged(e.Status, e.Reason)));
        }
    }

    public sealed class VerificationHandler(InventoryDbContext db) : IIntegrationEventHandler<VerificationRecorded>
    {
        public async Task HandleAsync(VerificationRecorded e, CancellationToken cancellationToken)
        {
            var ids = e.Findings.Select(f => f.AssetId).ToList();
            var known = await db.Assets.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            foreach (var finding in e.Findings.Where(f => known.ContainsKey(f.AssetId)))
            {
                // Seen by the monitor, wherever it was found (a relocated asset was seen at this crossing point): its last-seen date.
                if (finding.Finding != Finding.NotFound)
                    known[finding.AssetId].Seen(e.VisitedOn, e.CrossingPointCode, $"verification visit by {e.Monitor}");
                db.AssetNotes.Add(new AssetNote(finding.AssetId, e.VisitedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "donor-reporting", "VerificationFinding",
                    PassportWords.Found(finding.Finding, e.CrossingPointCode, e.Monitor, finding.Note)));
            }
        }
    }
}
