using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>One asset of a grant as the donor's reports list it: what it is, what bought it, where it is and how it was last found.</summary>
public sealed record GrantAssetRow(
    string SerialNumber, string ItemCategory, string Description, decimal UnitValue, string Currency, string ContractReference, string Supplier,
    string? DestinationCrossingPoint, DateOnly? ReceivedOn, DateOnly? HandedOverOn, string? HandedOverTo, string? CrossingPoint,
    DateOnly? FirstDeployedOn, string? Disposal, string MaintenanceStatus, DateOnly? LastVerifiedOn, string? LastFinding, string? DeviationReason = null)
{
    public static readonly string[] Headers =
    [
        "serialNumber", "itemCategory", "description", "unitValue", "currency", "contractReference", "supplier", "destinationCrossingPoint",
        "receivedOn", "handedOverOn", "handedOverTo", "crossingPoint", "firstDeployedOn", "disposal", "maintenanceStatus", "lastVerifiedOn", "lastFinding",
        "deviationReason",
    ];
}

public static class GrantAssetRows
{
    /// <summary>
    /// The grant's registered assets in serial order, streamed from the database (the CSV and the workbook). Each
    /// asset's latest status is a column of its own; contracts and findings are read once per grant and joined row by
    /// row in memory: no query per asset, and no status record read.
    /// </summary>
    public static async IAsyncEnumerable<GrantAssetRow> StreamAsync(ReportingDbContext db, Grant grant,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new RowBuilder(grant,
            await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grant.Id).ToListAsync(cancellationToken),
            await GrantCopies.RecordedVisitsAsync(db, grant.Id, cancellationToken));
        var assets = db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grant.Id && a.SerialNumber != null).OrderBy(a => a.SerialNumber);
        await foreach (var a in assets.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return rows.For(a);
    }

    private sealed class RowBuilder(Grant grant, IEnumerable<SignedContract> contracts, IEnumerable<VerificationVisit> visits)
    {
        private readonly Dictionary<Guid, SignedContract> _contracts = contracts.ToDictionary(c => c.ContractId);
        private readonly Dictionary<Guid, (DateOnly VisitedOn, Finding Finding)> _findings = visits
            .SelectMany(v => v.Findings.Select(f => (f.AssetId, VisitedOn: v.VisitedOn!.Value, f.ObservedAt, f.Finding)))
            .GroupBy(f => f.AssetId)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.VisitedOn).ThenBy(f => f.ObservedAt).Select(f => (f.VisitedOn, f.Finding)).Last());

        public GrantAssetRow For(TrackedAsset a)
        {
            var contract = a.ContractId is { } id ? _contracts.GetValueOrDefault(id) : null;
            var line = contract?.Lines.FirstOrDefault(l => l.LineNumber == a.ContractLineNumber);
            var seen = _findings.TryGetValue(a.AssetId, out var f) ? f : ((DateOnly VisitedOn, Finding Finding)?)null;
            var status = a.Disposal is not null ? "Disposed"
                : a.LatestStatus ?? (a.FirstDeployedOn is null ? "NotDeployed" : GrantFiguresCalculator.OperationalStatus);
            return new GrantAssetRow(
                a.SerialNumber!, a.ItemCategory ?? "", a.Description ?? "", a.UnitValue ?? 0, grant.Currency, contract?.Reference ?? "", contract?.SupplierName ?? "",
                line?.DestinationCrossingPointCode, a.ReceivedOn, a.HandedOverOn, a.HandedOverTo, a.CrossingPointCode, a.FirstDeployedOn, a.Disposal, status,
                seen?.VisitedOn, seen?.Finding.ToString(), a.DeviationReason);
        }
    }
}
