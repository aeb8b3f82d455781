using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>One asset of a grant as the donor's reports list it: what it is, what bought it, where it is and how it was last found.</summary>
public sealed record GrantAssetRow(
    string SerialNumber, string ItemCategory, string Description, decimal UnitValue, string Currency, string ContractReference, string Supplier,
    string? DestinationCrossingPoint, DateOnly? ReceivedOn, DateOnly? HandedOverOn, string? HandedOverTo, string? CrossingPoint,
    DateOnly? FirstDeployedOn, string? Disposal, string MaintenanceStatus, DateOnly? LastVerifiedOn, string? LastFinding)
{
    public static readonly string[] Headers =
    [
        "serialNumber", "itemCategory", "description", "unitValue", "currency", "contractReference", "supplier", "destinationCrossingPoint",
        "receivedOn", "handedOverOn", "handedOverTo", "crossingPoint", "firstDeployedOn", "disposal", "maintenanceStatus", "lastVerifiedOn", "lastFinding",
    ];
}

public static class GrantAssetRows
{
    /// <summary>
    /// The grant's registered assets in serial order, streamed. Contracts, latest statuses and latest findings are read
    /// once per grant (each is bounded by the grant), then joined row by row in memory: no query per asset.
    /// </summary>
    public static async IAsyncEnumerable<GrantAssetRow> StreamAsync(ReportingDbContext db, Grant grant,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var contracts = await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grant.Id).ToDictionaryAsync(c => c.ContractId, cancellationToken);
        var statuses = (await (from s in db.StatusRecords
                               join a in db.TrackedAssets on s.AssetId equals a.AssetId
                               where a.GrantId == grant.Id
                               select s).AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(s => s.AssetId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ChangedAt)!.Status);
        var findings = (await db.Visits.AsNoTracking().Where(v => v.GrantId == grant.Id && v.Status == VisitStatus.Recorded).ToListAsync(cancellationToken))
            .SelectMany(v => v.Findings.Select(f => (f.AssetId, VisitedOn: v.VisitedOn!.Value, f.ObservedAt, f.Finding)))
            .GroupBy(f => f.AssetId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.VisitedOn).ThenBy(f => f.ObservedAt).Last());

        var assets = db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grant.Id && a.SerialNumber != null).OrderBy(a => a.SerialNumber);
        await foreach (var a in assets.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var contract = a.ContractId is { } id ? contracts.GetValueOrDefault(id) : null;
            var line = contract?.Lines.FirstOrDefault(l => l.LineNumber == a.ContractLineNumber);
            var seen = findings.TryGetValue(a.AssetId, out var f) ? f : default;
            var status = a.Disposal is not null ? "Disposed"
                : statuses.GetValueOrDefault(a.AssetId) ?? (a.FirstDeployedOn is null ? "NotDeployed" : GrantFiguresCalculator.OperationalStatus);
            yield return new GrantAssetRow(
                a.SerialNumber!, a.ItemCategory ?? "", a.Description ?? "", a.UnitValue ?? 0, grant.Currency, contract?.Reference ?? "", contract?.SupplierName ?? "",
                line?.DestinationCrossingPointCode, a.ReceivedOn, a.HandedOverOn, a.HandedOverTo, a.CrossingPointCode, a.FirstDeployedOn, a.Disposal, status,
                seen == default ? null : seen.VisitedOn, seen == default ? null : seen.Finding.ToString());
        }
    }
}
