using Equipment.BuildingBlocks.Contracts;

namespace Equipment.DonorReporting.Domain;

/// <summary>A finding of a recorded visit, as the read models need it. <c>visitedPoints</c> holds each recorded visit's crossing point (null: grant-wide).</summary>
public sealed record SeenAsset(Guid AssetId, DateOnly VisitedOn, DateTime ObservedAt, Finding Finding, bool SignsOfUse);

/// <summary>
/// Computes a grant's figures from reporting's copies of the other services' facts. Pure: the same copies give the
/// same figures whatever order the events that built them arrived in.
/// </summary>
public static class GrantFiguresCalculator
{
    public const string OperationalStatus = "Operational";

    public static GrantFigures Compute(
        Grant grant, IReadOnlyList<TenderedLot> lots, IReadOnlyList<SignedContract> contracts, IReadOnlyList<TrackedAsset> assets,
        IReadOnlyList<StatusRecord> statuses, IReadOnlyList<SeenAsset> findings, IReadOnlyList<string?> visitedPoints, decimal disbursed, DateTime nowUtc,
        IReadOnlyList<UpkeepRecord> upkeep, IReadOnlyList<FaultRecord>? faults = null, IReadOnlyList<RepairRecord>? repairs = null)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var availabilityTo = today < grant.EndDate ? today : grant.EndDate;
        var periodEnd = today < grant.EndDate ? nowUtc : grant.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var periodStart = grant.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var liveLots = lots.Where(l => !l.Cancelled).ToList();
        var committed = Committed(lots, contracts);

        var registered = assets.Where(a => a.IsRegistered).ToList();
        var lineDestination = contracts.SelectMany(c => c.Lines.Select(l => (c.ContractId, l.LineNumber, l.DestinationCrossingPointCode)))
            .ToDictionary(x => (x.ContractId, x.LineNumber), x => x.DestinationCrossingPointCode);
        string? Destination(TrackedAsset a) =>
            a.ContractId is { } c && a.ContractLineNumber is { } n ? lineDestination.GetValueOrDefault((c, n)) : null;

        var history = statuses.ToLookup(s => s.AssetId);
        bool IsOperational(TrackedAsset a) =>
            history[a.AssetId].OrderBy(s => s.ChangedAt).LastOrDefault() is not { } last || last.Status == OperationalStatus;
        var deployed = assets.Where(a => a.CrossingPointCode is not null).ToList();

        var latestFinding = LatestFindings(findings);

        Funnel FunnelOf(IEnumerable<UnitsAtPoint> tendered, IEnumerable<ContractLine> contracted, IEnumerable<TrackedAsset> delivered, IEnumerable<TrackedAsset> here)
        {
            var hereList = here.ToList();
            var deliveredList = delivered.ToList();
            return new Funnel(tendered.Sum(u => u.Quantity), contracted.Sum(l => l.Quantity), deliveredList.Count,
                deliveredList.Count(a => a.HandedOverOn is not null), hereList.Count, hereList.Count(IsOperational));
        }

        VerificationCoverage CoverageOf(IReadOnlyList<TrackedAsset> here, int visits)
        {
            var verified = here.Count(a => latestFinding.ContainsKey(a.AssetId));
            var latest = here.Where(a => latestFinding.ContainsKey(a.AssetId)).Select(a => latestFinding[a.AssetId].Finding)
                .GroupBy(f => f.ToString()).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
            return new VerificationCoverage(here.Count, verified, Share(verified, here.Count), visits, latest);
        }

        double? AvailabilityOf(IEnumerable<TrackedAsset> here)
        {
            // Summed in ticks as 128-bit integers, not in a TimeSpan: a TimeSpan holds about 29,000 years, which a grant's
            // asset-time passes at about 30,000 assets deployed for a year (OverflowException, then a 500). Exact, so
            // the sum is the same in any order (the summary adds the same ticks up in the database).
            Int128 operational = 0, known = 0;
            foreach (var asset in here)
            {
                var (o, k) = Availability.For(asset, history[asset.AssetId].ToList(), periodStart, periodEnd);
                operational += o.Ticks;
                known += k.Ticks;
            }
            return Availability.Share(operational, known);
        }

        var points = grant.CrossingPoints.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var here = deployed.Where(a => a.CrossingPointCode == p.Code).ToList();
            return new CrossingPointFigures(p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode, p.Authority, p.Latitude, p.Longitude,
                FunnelOf(liveLots.SelectMany(l => l.Units).Where(u => u.CrossingPointCode == p.Code),
                    contracts.SelectMany(c => c.Lines).Where(l => l.DestinationCrossingPointCode == p.Code),
                    registered.Where(a => Destination(a) == p.Code), here),
                AvailabilityOf(here), CoverageOf(here, visitedPoints.Count(v => v == p.Code)));
        }).ToList();

        var published = lots.Where(l => l.PublishedAt is not null).GroupBy(l => l.TenderId)
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(l => l.PublishedAt!.Value).UtcDateTime));
        var tenderOf = contracts.Where(c => c.TenderId is not null).ToDictionary(c => c.ContractId, c => c.TenderId!.Value);
        var leadDays = assets
            .Where(a => a.FirstDeployedOn is not null && a.ContractId is { } c && tenderOf.TryGetValue(c, out var t) && published.ContainsKey(t))
            .Select(a => (double)(a.FirstDeployedOn!.Value.DayNumber - published[tenderOf[a.ContractId!.Value]].DayNumber))
            .Order().ToList();

        var deviations = assets.Where(a => a.DeviationReason is not null)
            .Select(a => new DeploymentDeviation(a.AssetId, a.SerialNumber, a.ItemCategory, a.DeviationFromCrossingPointCode ?? Destination(a),
                a.DeviationToCrossingPointCode!, a.DeviationOn!.Value, a.DeviationReason!))
            .OrderBy(d => d.DeployedOn).ThenBy(d => d.SerialNumber, StringComparer.Ordinal).ThenBy(d => d.AssetId).ToList();

        var funnel = FunnelOf(liveLots.SelectMany(l => l.Units), contracts.SelectMany(c => c.Lines), registered, deployed);
        var coverage = CoverageOf(deployed, visitedPoints.Count);
        var availability = AvailabilityOf(deployed);
        var seen = latestFinding.Values.ToList();
        var inUse = Share(seen.Count(f => f.Finding == Finding.FoundAsExpected && f.SignsOfUse), seen.Count);

        var indicators = IndicatorsOf(grant, funnel, inUse, availability, coverage);

        return new GrantFigures(
            new Budget(grant.Amount, committed, contracts.Sum(c => c.Value), registered.Sum(a => a.UnitValue ?? 0), disbursed, grant.Currency),
            funnel,
            new LeadTime(leadDays.Count, Percentile(leadDays, 0.5), Percentile(leadDays, 0.9)),
            availability, grant.StartDate, availabilityTo, coverage, points, indicators,
            UpkeepOf(upkeep), deviations.Count, deviations, Reliability.Of(assets, history, faults ?? [], repairs ?? [], today));
    }

    /// <summary>Per lot not cancelled, its contract value once signed, else its award, else its estimate; plus contracts outside any lot.</summary>
    public static decimal Committed(IReadOnlyList<TenderedLot> lots, IReadOnlyList<SignedContract> contracts)
    {
        var contractsByLot = contracts.Where(c => c.TenderId is not null && c.LotNumber is not null)
            .ToLookup(c => (c.TenderId!.Value, c.LotNumber!.Value));
        return lots.Where(l => !l.Cancelled).Sum(l => contractsByLot[(l.TenderId, l.LotNumber)] is var signed && signed.Any()
                   ? signed.Sum(c => c.Value)
                   : l.AwardedValue ?? l.EstimatedValue ?? 0)
               + contracts.Where(c => !lots.Any(l => l.TenderId == c.TenderId && l.LotNumber == c.LotNumber)).Sum(c => c.Value);
    }

    public static List<IndicatorResult> IndicatorsOf(Grant grant, Funnel funnel, double? inUse, double? availability, VerificationCoverage coverage) =>
        grant.Indicators.Select(i => new IndicatorResult(i.Code, i.Title, i.Source, i.Measure, i.Baseline, i.BaselineYear, i.Target, i.TargetYear,
            i.Source switch
            {
                IndicatorSource.AssetsDeployed => funnel.Deployed,
                IndicatorSource.VerifiedInUse => Percent(inUse),
                IndicatorSource.Availability => Percent(availability),
                IndicatorSource.VerificationCoverage => Percent(coverage.Coverage),
                _ => null,
            })).ToList();

    /// <summary>Each asset's latest finding: the last visit's, then the last observation's.</summary>
    public static Dictionary<Guid, SeenAsset> LatestFindings(IEnumerable<SeenAsset> findings) => findings.GroupBy(f => f.AssetId)
        .ToDictionary(g => g.Key, g => g.OrderBy(f => f.VisitedOn).ThenBy(f => f.ObservedAt).Last());

    private static Upkeep UpkeepOf(IReadOnlyList<UpkeepRecord> records) => new(
        records.Sum(r => r.UsageHours), records.Sum(r => r.UsageKm), records.Sum(r => r.Patrols),
        records.Count(r => r.IsWorkOrder), records.Sum(r => r.PartsCost), records.Sum(r => r.LabourHours));

    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>A share as the percentage a person reads, rounded as everywhere (<see cref="Shares.Percent"/>: 7 of 13 is 53.9).</summary>
    public static decimal? Percent(double? share) => share is { } s ? Shares.Percent(s) : null;

    /// <summary>The same percentile from sorted distinct values with how many times each occurs (a histogram).</summary>
    public static double? PercentileOf(IReadOnlyList<(double Value, int Count)> histogram, double p)
    {
        var count = histogram.Sum(h => h.Count);
        if (count == 0) return null;
        double At(int index)
        {
            var passed = 0;
            foreach (var (value, times) in histogram)
                if (index < (passed += times)) return value;
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        var rank = (count - 1) * p;
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, count - 1);
        return Math.Round(At(lower) + (rank - lower) * (At(upper) - At(lower)), 2);
    }

    /// <summary>The p-th percentile of sorted values, interpolating between neighbours (as a spreadsheet's PERCENTILE.INC does).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return Math.Round(sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]), 2);
    }
}

/// <summary>
/// Availability: the time-weighted share of a period during which an asset was operational. As in maintenance, an
/// asset is operational from its first deployment until a status change says otherwise, and only known time counts.
/// </summary>
public static class Availability
{
    /// <summary>The share of known time that was operational, rounded to 4 places; null when no time is known.</summary>
    public static double? Share(Int128 operationalTicks, Int128 knownTicks) =>
        knownTicks <= 0 ? null : Math.Round((double)operationalTicks / (double)knownTicks, 4);

    /// <summary>The asset's status changes in time order, starting with its first deployment (operational) unless a change came first.</summary>
    public static IReadOnlyList<(DateTime ChangedAt, string Status)> Timeline(TrackedAsset asset, IReadOnlyList<StatusRecord> history)
    {
        var changes = history.Select(h => (h.ChangedAt, h.Status)).ToList();
        if (asset.FirstDeployedOn is { } first)
        {
            var deployedAt = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (changes.All(c => c.ChangedAt > deployedAt)) changes.Add((deployedAt, GrantFiguresCalculator.OperationalStatus));
        }
        return changes.OrderBy(c => c.ChangedAt).ToList();
    }

    public static (TimeSpan Operational, TimeSpan Known) For(TrackedAsset asset, IReadOnlyList<StatusRecord> history, DateTime from, DateTime to)
    {
        var ordered = Timeline(asset, history);
        TimeSpan operational = TimeSpan.Zero, known = TimeSpan.Zero;
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = ordered[i].ChangedAt > from ? ordered[i].ChangedAt : from;
            var end = i + 1 < ordered.Count ? ordered[i + 1].ChangedAt : to;
            if (end > to) end = to;
            if (end <= start) continue;
            known += end - start;
            if (ordered[i].Status == GrantFiguresCalculator.OperationalStatus) operational += end - start;
        }
        return (operational, known);
    }
}

/// <summary>
/// MTBF and MTTR of the grant's deployed assets, in days, with maintenance's definitions (Odoo Maintenance's): an asset
/// is in service from its first deployment (or an earlier status maintenance reported) to today, or to its disposal;
/// a group's MTBF is its days in service over its faults reported, its MTTR the mean of its repairs' days from the
/// fault's report to the completion of the corrective work order raised for it. An asset without faults still adds
/// its days. Computed from reporting's copies of inventory's and maintenance's events, never by asking maintenance.
/// </summary>
public static class Reliability
{
    public sealed record AssetHistory(string Model, string CrossingPoint, DateOnly From, DateOnly To, int Failures, IReadOnlyList<int> RepairDays);

    public const string NotDeployed = "(not deployed)";

    public static GrantReliability Of(IReadOnlyList<TrackedAsset> assets, ILookup<Guid, StatusRecord> statuses, IReadOnlyList<FaultRecord> faults,
        IReadOnlyList<RepairRecord> repairs, DateOnly today)
    {
        var faultsOf = faults.ToLookup(f => f.AssetId);
        var repairsOf = repairs.ToLookup(r => r.AssetId);
        var histories = assets.Where(a => a.IsRegistered && a.FirstDeployedOn is not null)
            .Select(a => For(a, statuses[a.AssetId].ToList(), faultsOf[a.AssetId].Count(), repairsOf[a.AssetId].Select(r => r.Days).ToList(), today))
            .ToList();
        return new GrantReliability(Group(histories, h => h.Model), Group(histories, h => h.CrossingPoint));
    }

    public static AssetHistory For(TrackedAsset asset, IReadOnlyList<StatusRecord> statuses, int failures, IReadOnlyList<int> repairDays, DateOnly today)
    {
        var (from, until) = InService(asset, statuses);
        return new AssetHistory(ModelOf(asset.Manufacturer, asset.Model, asset.ItemCategory), PointOf(asset.LastCrossingPointCode, asset.CrossingPointCode),
            from, To(from, until, today), failures, repairDays);
    }

    /// <summary>
    /// When a deployed asset came into service, and when it went out of it for good (null: still in service), whatever
    /// today is: the end is never before the start.
    /// </summary>
    public static (DateOnly From, DateOnly? Until) InService(TrackedAsset asset, IReadOnlyList<StatusRecord> statuses)
    {
        var ordered = statuses.OrderBy(s => s.ChangedAt).ToList();
        var from = asset.FirstDeployedOn!.Value;
        if (ordered.Count > 0 && DateOnly.FromDateTime(ordered[0].ChangedAt) < from) from = DateOnly.FromDateTime(ordered[0].ChangedAt);

        // Out of service for good: maintenance's Disposed status, or inventory's disposal (not before the last status, as maintenance records it).
        var lastStatus = ordered.Where(s => s.Status != "Disposed").Select(s => (DateOnly?)DateOnly.FromDateTime(s.ChangedAt)).LastOrDefault();
        var ends = new List<DateOnly>();
        if (ordered.FirstOrDefault(s => s.Status == "Disposed") is { } disposed) ends.Add(DateOnly.FromDateTime(disposed.ChangedAt));
        if (asset.DisposedOn is { } on) ends.Add(lastStatus is { } l && l > on ? l : on);
        else if (asset.Disposal is not null) ends.Add(new[] { asset.LastDeployedOn ?? from, lastStatus ?? from }.Max());   // disposed before the day was kept: its last known day
        if (ends.Count == 0) return (from, null);
        var until = ends.Min();
        return (from, until < from ? from : until);
    }

    /// <summary>The last day in service as of today: its end, but never after today nor before its start.</summary>
    public static DateOnly To(DateOnly from, DateOnly? until, DateOnly today)
    {
        var to = until is { } u && u < today ? u : today;
        return to < from ? from : to;
    }

    public static string ModelOf(string? manufacturer, string? model, string? itemCategory) =>
        $"{manufacturer} {model}".Trim() is { Length: > 0 } m ? m : $"{itemCategory} (model unknown)";

    public static string PointOf(string? lastCrossingPointCode, string? crossingPointCode) => lastCrossingPointCode ?? crossingPointCode ?? NotDeployed;

    public static IReadOnlyList<ReliabilityFigures> Group(IEnumerable<AssetHistory> assets, Func<AssetHistory, string> key) =>
        assets.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var days = g.Sum(a => a.To.DayNumber - a.From.DayNumber);
            var failures = g.Sum(a => a.Failures);
            var repairs = g.SelectMany(a => a.RepairDays).ToList();
            return new ReliabilityFigures(g.Key, g.Count(), failures, days, failures == 0 ? null : Math.Round((double)days / failures, 2),
                repairs.Count, repairs.Count == 0 ? null : Math.Round(repairs.Average(), 2));
        }).ToList();
}
