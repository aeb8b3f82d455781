using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>
/// Everything reporting holds about one grant from the other services (and its own visits and disbursements), read
/// once with one query per kind: the summary, the reports and the IATI activity are all made from one such read.
/// </summary>
public sealed record GrantCopies(
    IReadOnlyList<TenderedLot> Lots, IReadOnlyList<SignedContract> Contracts, IReadOnlyList<TrackedAsset> Assets, IReadOnlyList<StatusRecord> Statuses,
    IReadOnlyList<VerificationVisit> RecordedVisits, IReadOnlyList<Disbursement> Disbursements, IReadOnlyList<UpkeepRecord> Upkeep,
    IReadOnlyList<FaultRecord> Faults, IReadOnlyList<RepairRecord> Repairs)
{
    public static async Task<GrantCopies> LoadAsync(ReportingDbContext db, Guid grantId, CancellationToken cancellationToken) => new(
        await db.TenderedLots.AsNoTracking().Where(l => l.GrantId == grantId).ToListAsync(cancellationToken),
        await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grantId).ToListAsync(cancellationToken),
        await db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grantId).ToListAsync(cancellationToken),
        await StatusesAsync(db, grantId, cancellationToken),
        await RecordedVisitsAsync(db, grantId, cancellationToken),
        await db.Disbursements.AsNoTracking().Where(d => d.GrantId == grantId).OrderBy(d => d.PaidOn).ToListAsync(cancellationToken),
        await db.UpkeepRecords.AsNoTracking().Where(u => u.GrantId == grantId).ToListAsync(cancellationToken),
        await db.FaultRecords.AsNoTracking().Where(f => f.GrantId == grantId).ToListAsync(cancellationToken),
        await db.RepairRecords.AsNoTracking().Where(r => r.GrantId == grantId).ToListAsync(cancellationToken));

    /// <summary>Maintenance's status changes of the grant's assets (status events carry no grant, so through the assets).</summary>
    public static Task<List<StatusRecord>> StatusesAsync(ReportingDbContext db, Guid grantId, CancellationToken cancellationToken) =>
        (from s in db.StatusRecords
         join a in db.TrackedAssets on s.AssetId equals a.AssetId
         where a.GrantId == grantId
         select s).AsNoTracking().ToListAsync(cancellationToken);

    public static Task<List<VerificationVisit>> RecordedVisitsAsync(ReportingDbContext db, Guid grantId, CancellationToken cancellationToken) =>
        db.Visits.AsNoTracking().Where(v => v.GrantId == grantId && v.Status == VisitStatus.Recorded).ToListAsync(cancellationToken);

    /// <summary>
    /// The figures recomputed from scratch from every copy: the reference the summary's running figures
    /// (<see cref="GrantSummary"/>) are tested against.
    /// </summary>
    public GrantFigures Figures(Grant grant, DateTime nowUtc) => GrantFiguresCalculator.Compute(grant, Lots, Contracts, Assets, Statuses,
        SeenAssets(RecordedVisits), RecordedVisits.Select(v => v.CrossingPointCode).ToList(), Disbursements.Sum(d => d.Amount), nowUtc, Upkeep, Faults, Repairs);

    public static List<SeenAsset> SeenAssets(IEnumerable<VerificationVisit> recordedVisits) =>
        recordedVisits.SelectMany(v => v.Findings.Select(f => new SeenAsset(f.AssetId, v.VisitedOn!.Value, f.ObservedAt, f.Finding, f.SignsOfUse))).ToList();
}
