using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>
/// A grant's figures from the figure columns each tracked asset keeps (<see cref="TrackedAsset.RefreshFigures"/>):
/// one GROUP BY query over the grant's assets (<see cref="FigureGroups"/>), read from an index that holds every column
/// it needs, never its status records, so memory does not grow with the grant and time grows by about 1.3 µs per asset
/// (four queries, one per kind of figure and each reading the table, took 5.5). The figures are exactly those
/// <see cref="GrantFiguresCalculator.Compute"/> gives from every copy.
/// Assets whose columns are not current for the grant's period (an upgraded database before its backfill, a grant
/// end moved by an amendment, a history that runs past the period's end today) are read with their histories and
/// recomputed in memory, then grouped by the same expressions.
/// </summary>
public static class GrantSummary
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    public static async Task<GrantFigures> FiguresAsync(ReportingDbContext db, Grant grant, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var availabilityTo = today < grant.EndDate ? today : grant.EndDate;
        var endsToday = today < grant.EndDate;
        var periodEnd = endsToday ? nowUtc : grant.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = periodEnd.Ticks;
        var end = grant.EndDate;

        var lots = await db.TenderedLots.AsNoTracking().Where(l => l.GrantId == grant.Id).ToListAsync(cancellationToken);
        var contracts = await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grant.Id).ToListAsync(cancellationToken);
        var visits = await GrantCopies.RecordedVisitsAsync(db, grant.Id, cancellationToken);
        // A grant's tranches are few; added up here so an empty sum is 0, as in the reference, not the database's 0.0.
        var disbursed = (await db.Disbursements.Where(d => d.GrantId == grant.Id).Select(d => d.Amount).ToListAsync(cancellationToken)).Sum();

        var assets = db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grant.Id);
        var current = assets.Where(a => a.FiguresUntil == end && (!endsToday || a.LastChangeTicks == null || a.LastChangeTicks <= to));
        var stale = await RecomputedAsync(db, grant, assets.Where(a => a.FiguresUntil == null || a.FiguresUntil != end || (endsToday && a.LastChangeTicks > to)),
            periodEnd, cancellationToken);

        List<FigureGroup> groups =
            [.. await FigureGroups(current, to, today.DayNumber).ToListAsync(cancellationToken), .. FigureGroups(stale.AsQueryable(), to, today.DayNumber)];
        var timeRows = TimeRows(groups, to);
        var leadRows = LeadRows(groups);
        var reliabilityRows = ReliabilityRows(groups);

        // Deployed assets a monitor has seen (few: visits sample), with where they are.
        var latestFinding = GrantFiguresCalculator.LatestFindings(GrantCopies.SeenAssets(visits));
        var seenIds = latestFinding.Keys.ToList();
        var seenDeployed = await assets.Where(a => a.CrossingPointCode != null && seenIds.Contains(a.AssetId))
            .Select(a => new { a.AssetId, CrossingPointCode = a.CrossingPointCode! }).ToListAsync(cancellationToken);
        var deviating = await assets.Where(a => a.DeviationOn != null).ToListAsync(cancellationToken);
        var upkeepRecords = db.UpkeepRecords.Where(u => u.GrantId == grant.Id);
        var counts = await upkeepRecords.GroupBy(u => u.IsWorkOrder).Select(g => new { WorkOrders = g.Key, Count = g.Count(), Patrols = g.Sum(u => u.Patrols) })
            .ToListAsync(cancellationToken);
        var upkeep = new Upkeep(
            await SumAsync(upkeepRecords.Select(u => u.UsageHours), cancellationToken), await SumAsync(upkeepRecords.Select(u => u.UsageKm), cancellationToken),
            counts.Sum(c => c.Patrols), counts.Where(c => c.WorkOrders).Sum(c => c.Count),
            await SumAsync(upkeepRecords.Select(u => u.PartsCost), cancellationToken), await SumAsync(upkeepRecords.Select(u => u.LabourHours), cancellationToken));

        var lineDestination = contracts.SelectMany(c => c.Lines.Select(l => (c.ContractId, l.LineNumber, l.DestinationCrossingPointCode)))
            .ToDictionary(x => (x.ContractId, x.LineNumber), x => x.DestinationCrossingPointCode);
        string? Destination(Guid? contractId, int? line) =>
            contractId is { } c && line is { } n ? lineDestination.GetValueOrDefault((c, n)) : null;
        var liveLots = lots.Where(l => !l.Cancelled).ToList();

        Funnel FunnelOf(IEnumerable<UnitsAtPoint> tendered, IEnumerable<ContractLine> contracted, Func<FigureGroup, bool> delivered, Func<FigureGroup, bool> here)
        {
            var d = groups.Where(delivered).ToList();
            var h = groups.Where(r => r.CrossingPointCode != null && here(r)).ToList();
            return new Funnel(tendered.Sum(u => u.Quantity), contracted.Sum(l => l.Quantity), d.Sum(r => r.Registered),
                d.Sum(r => r.HandedOver), h.Sum(r => r.Count), h.Sum(r => r.Operational));
        }

        VerificationCoverage CoverageOf(Func<string, bool> here, int visitCount)
        {
            var deployed = groups.Where(r => r.CrossingPointCode != null && here(r.CrossingPointCode)).Sum(r => r.Count);
            var seen = seenDeployed.Where(a => here(a.CrossingPointCode)).ToList();
            var latest = seen.Select(a => latestFinding[a.AssetId].Finding).GroupBy(f => f.ToString()).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
            return new VerificationCoverage(deployed, seen.Count, GrantFiguresCalculator.Share(seen.Count, deployed), visitCount, latest);
        }

        double? AvailabilityOf(Func<string, bool> here)
        {
            Int128 operational = 0, known = 0;
            foreach (var r in timeRows.Where(r => here(r.CrossingPointCode)))
            {
                known += r.Known;
                operational += r.Operational;
            }
            return Availability.Share(operational, known);
        }

        var points = grant.CrossingPoints.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
            new CrossingPointFigures(p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode, p.Authority, p.Latitude, p.Longitude,
                FunnelOf(liveLots.SelectMany(l => l.Units).Where(u => u.CrossingPointCode == p.Code),
                    contracts.SelectMany(c => c.Lines).Where(l => l.DestinationCrossingPointCode == p.Code),
                    r => Destination(r.ContractId, r.ContractLineNumber) == p.Code, r => r.CrossingPointCode == p.Code),
                AvailabilityOf(code => code == p.Code), CoverageOf(code => code == p.Code, visits.Count(v => v.CrossingPointCode == p.Code))))
            .ToList();

        var published = lots.Where(l => l.PublishedAt is not null).GroupBy(l => l.TenderId)
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(l => l.PublishedAt!.Value).UtcDateTime));
        var tenderOf = contracts.Where(c => c.TenderId is not null).ToDictionary(c => c.ContractId, c => c.TenderId!.Value);
        var leadDays = leadRows
            .Where(r => tenderOf.TryGetValue(r.ContractId, out var t) && published.ContainsKey(t))
            .GroupBy(r => (double)(r.FirstDeployedOn.DayNumber - published[tenderOf[r.ContractId]].DayNumber))
            .Select(g => (Value: g.Key, Count: g.Sum(r => r.Count))).OrderBy(h => h.Value).ToList();

        var deviations = deviating
            .Select(a => new DeploymentDeviation(a.AssetId, a.SerialNumber, a.ItemCategory, a.DeviationFromCrossingPointCode ?? Destination(a.ContractId, a.ContractLineNumber),
                a.DeviationToCrossingPointCode!, a.DeviationOn!.Value, a.DeviationReason!))
            .OrderBy(d => d.DeployedOn).ThenBy(d => d.SerialNumber, StringComparer.Ordinal).ThenBy(d => d.AssetId).ToList();

        var funnel = FunnelOf(liveLots.SelectMany(l => l.Units), contracts.SelectMany(c => c.Lines), _ => true, _ => true);
        var coverage = CoverageOf(_ => true, visits.Count);
        var availability = AvailabilityOf(_ => true);
        var seenAll = latestFinding.Values.ToList();
        var inUse = GrantFiguresCalculator.Share(seenAll.Count(f => f.Finding == Finding.FoundAsExpected && f.SignsOfUse), seenAll.Count);
        var delivered = groups.Sum(r => r.Registered * (r.UnitValue ?? 0));

        return new GrantFigures(
            new Budget(grant.Amount, GrantFiguresCalculator.Committed(lots, contracts), contracts.Sum(c => c.Value), delivered, disbursed, grant.Currency),
            funnel,
            new LeadTime(leadDays.Sum(h => h.Count), GrantFiguresCalculator.PercentileOf(leadDays, 0.5), GrantFiguresCalculator.PercentileOf(leadDays, 0.9)),
            availability, grant.StartDate, availabilityTo, coverage, points, GrantFiguresCalculator.IndicatorsOf(grant, funnel, inUse, availability, coverage),
            upkeep, deviations.Count, deviations,
            new GrantReliability(ReliabilityOf(reliabilityRows, r => Domain.Reliability.ModelOf(r.Manufacturer, r.Model, r.ItemCategory)),
                ReliabilityOf(reliabilityRows, r => Domain.Reliability.PointOf(r.LastCrossingPointCode, r.CrossingPointCode))));
    }

    /// <summary>
    /// A sum of decimals as the reference adds them in memory, to the same value and scale (SQLite's decimal sum drops
    /// trailing zeros: 6.0 for 8 × 0.75, not 6.00): the database counts each distinct value, the sum is made here.
    /// </summary>
    private static async Task<decimal> SumAsync(IQueryable<decimal> values, CancellationToken cancellationToken) =>
        (await values.GroupBy(v => v).Select(g => new { Value = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .Sum(v => v.Value * v.Count);

    /// <summary>Assets whose figure columns do not hold for today's period: read with their histories and recomputed in memory (not saved).</summary>
    private static async Task<List<TrackedAsset>> RecomputedAsync(ReportingDbContext db, Grant grant, IQueryable<TrackedAsset> query, DateTime periodEnd,
        CancellationToken cancellationToken)
    {
        var assets = await query.ToListAsync(cancellationToken);
        if (assets.Count == 0) return assets;
        var ids = assets.Select(a => a.AssetId).ToList();
        var statuses = (await db.StatusRecords.AsNoTracking().Where(s => ids.Contains(s.AssetId)).ToListAsync(cancellationToken)).ToLookup(s => s.AssetId);
        var faults = (await db.FaultRecords.AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync(cancellationToken)).ToLookup(f => f.AssetId);
        var repairs = (await db.RepairRecords.AsNoTracking().Where(r => ids.Contains(r.AssetId)).ToListAsync(cancellationToken)).ToLookup(r => r.AssetId);
        foreach (var a in assets)
            a.RefreshFigures(statuses[a.AssetId].ToList(), faults[a.AssetId].ToList(), repairs[a.AssetId].ToList(), (grant.StartDate, grant.EndDate), periodEnd);
        return assets;
    }

    private static IReadOnlyList<ReliabilityFigures> ReliabilityOf(IEnumerable<ReliabilityRow> rows, Func<ReliabilityRow, string> key) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var days = g.Sum(r => r.Days);
            var failures = g.Sum(r => r.Faults);
            var repairs = g.Sum(r => r.Repairs);
            return new ReliabilityFigures(g.Key, g.Sum(r => r.Count), failures, days, failures == 0 ? null : Math.Round((double)days / failures, 2),
                repairs, repairs == 0 ? null : Math.Round((double)g.Sum(r => (long)r.RepairDays) / repairs, 2));
        }).ToList();

    /// <summary>
    /// The grant's assets grouped by the columns a figure tells them apart by (the funnel's contract line, place and
    /// value, the lead time's first deployment, reliability's model and places), with the counts and sums each figure
    /// needs: how many are registered, handed over (of those registered) and operational; known and operational time,
    /// and for an open last segment (still running at the period's end <paramref name="to"/>) how many and since when;
    /// days in service, faults and repairs of the registered, deployed assets (days from the asset's start to
    /// <paramref name="today"/>, or to its end once out of service, never negative). Ticks are summed as whole seconds
    /// and the rest, so that no sum overflows 64 bits (100,000 assets for a year are 3·10^19 ticks). The groups are the
    /// index's order (<c>IX_TrackedAssets_Figures</c>), so that SQLite adds them up as it reads the index, sorting
    /// nothing; a grant's groups are few: contract lines × places × deployment days × models.
    /// </summary>
    public sealed record FigureGroup(Guid? ContractId, int? ContractLineNumber, string? CrossingPointCode, decimal? UnitValue, DateOnly? FirstDeployedOn,
        string? Manufacturer, string? Model, string? ItemCategory, string? LastCrossingPointCode, int Count, int Registered, int HandedOver, int Operational,
        long KnownSeconds, long KnownRest, long OperationalSeconds, long OperationalRest,
        int Open, long OpenFromSeconds, long OpenFromRest, int OpenOperational, long OpenOperationalFromSeconds, long OpenOperationalFromRest,
        int InService, int Days, int Faults, int Repairs, int RepairDays);

    private static IQueryable<FigureGroup> FigureGroups(IQueryable<TrackedAsset> assets, long to, int today) => assets
        .Select(a => new
        {
            a.ContractId, a.ContractLineNumber, a.CrossingPointCode, a.UnitValue, a.FirstDeployedOn, a.Manufacturer, a.Model, a.ItemCategory,
            a.LastCrossingPointCode, a.KnownTicks, a.OperationalTicks,
            Registered = a.SerialNumber != null ? 1 : 0,
            HandedOver = a.SerialNumber != null && a.HandedOverOn != null ? 1 : 0,
            Operational = a.LatestStatus == null || a.LatestStatus == GrantFiguresCalculator.OperationalStatus ? 1 : 0,
            // the start of a last segment still running at the period's end; null when there is none
            OpenFrom = a.OpenFromTicks <= to ? a.OpenFromTicks : null,
            // reliability counts the registered assets with a start in service
            InService = a.SerialNumber != null && a.InServiceFromDay != null ? 1 : 0,
            Days = a.SerialNumber == null || a.InServiceFromDay == null || a.InServiceFromDay > today ? 0
                : (a.InServiceUntilDay != null && a.InServiceUntilDay < today ? a.InServiceUntilDay.Value : today) - a.InServiceFromDay.Value,
            a.Faults, a.Repairs, a.RepairDays,
        })
        .GroupBy(a => new
        {
            a.ContractId, a.ContractLineNumber, a.CrossingPointCode, a.UnitValue, a.FirstDeployedOn, a.Manufacturer, a.Model, a.ItemCategory,
            a.LastCrossingPointCode,
        })
        .Select(g => new FigureGroup(g.Key.ContractId, g.Key.ContractLineNumber, g.Key.CrossingPointCode, g.Key.UnitValue, g.Key.FirstDeployedOn,
            g.Key.Manufacturer, g.Key.Model, g.Key.ItemCategory, g.Key.LastCrossingPointCode,
            g.Count(), g.Sum(a => a.Registered), g.Sum(a => a.HandedOver), g.Sum(a => a.Operational),
            g.Sum(a => a.KnownTicks / TicksPerSecond), g.Sum(a => a.KnownTicks % TicksPerSecond),
            g.Sum(a => a.OperationalTicks / TicksPerSecond), g.Sum(a => a.OperationalTicks % TicksPerSecond),
            g.Sum(a => a.OpenFrom != null ? 1 : 0), g.Sum(a => (a.OpenFrom ?? 0) / TicksPerSecond), g.Sum(a => (a.OpenFrom ?? 0) % TicksPerSecond),
            g.Sum(a => a.OpenFrom != null ? a.Operational : 0),
            g.Sum(a => a.Operational * ((a.OpenFrom ?? 0) / TicksPerSecond)), g.Sum(a => a.Operational * ((a.OpenFrom ?? 0) % TicksPerSecond)),
            g.Sum(a => a.InService), g.Sum(a => a.Days),
            g.Sum(a => a.InService * a.Faults), g.Sum(a => a.InService * a.Repairs), g.Sum(a => a.InService * a.RepairDays)));

    /// <summary>Known and operational time of a crossing point's deployed assets in ticks; an open last segment adds (period end − its start).</summary>
    public sealed record TimeRow(string CrossingPointCode, Int128 Known, Int128 Operational);

    private static List<TimeRow> TimeRows(IEnumerable<FigureGroup> groups, long to) => groups
        .Where(g => g.CrossingPointCode != null)
        .GroupBy(g => g.CrossingPointCode!)
        .Select(g => new TimeRow(g.Key,
            g.Aggregate((Int128)0, (sum, r) => sum + Ticks(r.KnownSeconds, r.KnownRest) + (Int128)r.Open * to - Ticks(r.OpenFromSeconds, r.OpenFromRest)),
            g.Aggregate((Int128)0, (sum, r) => sum + Ticks(r.OperationalSeconds, r.OperationalRest) + (Int128)r.OpenOperational * to
                - Ticks(r.OpenOperationalFromSeconds, r.OpenOperationalFromRest))))
        .ToList();

    private static Int128 Ticks(long seconds, long rest) => (Int128)seconds * TicksPerSecond + rest;

    public sealed record LeadRow(Guid ContractId, DateOnly FirstDeployedOn, int Count);

    private static List<LeadRow> LeadRows(IEnumerable<FigureGroup> groups) => groups
        .Where(g => g.FirstDeployedOn != null && g.ContractId != null)
        .GroupBy(g => (ContractId: g.ContractId!.Value, FirstDeployedOn: g.FirstDeployedOn!.Value))
        .Select(g => new LeadRow(g.Key.ContractId, g.Key.FirstDeployedOn, g.Sum(r => r.Count)))
        .ToList();

    public sealed record ReliabilityRow(string? Manufacturer, string? Model, string? ItemCategory, string? LastCrossingPointCode, string? CrossingPointCode,
        int Count, int Days, int Faults, int Repairs, int RepairDays);

    private static List<ReliabilityRow> ReliabilityRows(IEnumerable<FigureGroup> groups) => groups
        .Where(g => g.FirstDeployedOn != null && g.InService > 0)
        .Select(g => new ReliabilityRow(g.Manufacturer, g.Model, g.ItemCategory, g.LastCrossingPointCode, g.CrossingPointCode,
            g.InService, g.Days, g.Faults, g.Repairs, g.RepairDays))
        .ToList();
}
