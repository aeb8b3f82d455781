using Equipment.BuildingBlocks.Errors;

namespace Equipment.Maintenance.Domain;

/// <summary>Maintenance's copy of an asset (from inventory's events), with its operational status.</summary>
public sealed class MaintainedAsset
{
    private MaintainedAsset() { }

    public MaintainedAsset(Guid assetId, string serialNumber, string itemCategory, string description, Guid grantId, Guid contractId, DateOnly warrantyEndsOn,
        string donorCode = "", string? manufacturer = null, string? model = null, string? supplierName = null)
    {
        AssetId = assetId;
        SerialNumber = serialNumber;
        ItemCategory = itemCategory;
        Description = description;
        GrantId = grantId;
        ContractId = contractId;
        WarrantyEndsOn = warrantyEndsOn;
        DonorCode = donorCode;
        Manufacturer = manufacturer;
        Model = model;
        SupplierName = supplierName;
    }

    public Guid AssetId { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Manufacturer { get; private set; }
    public string? Model { get; private set; }
    public string? SupplierName { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public Guid ContractId { get; private set; }
    public DateOnly WarrantyEndsOn { get; private set; }
    public string? CrossingPointCode { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    public OperationalStatus? Status { get; private set; }

    /// <summary>Under warranty up to and including its last day.</summary>
    public bool IsUnderWarranty(DateOnly day) => day <= WarrantyEndsOn;

    public void DeployedAt(string crossingPointCode, DateOnly deployedOn)
    {
        if (DeployedOn is { } current && current > deployedOn) return;
        CrossingPointCode = crossingPointCode;
        DeployedOn = deployedOn;
    }

    /// <summary>Records a status change; returns the entry for the history. A disposed asset changes no more.</summary>
    public StatusChange ChangeStatus(OperationalStatus status, DateTime at, string reason, string by, DateTime? lastChangeAt)
    {
        if (Status == OperationalStatus.Disposed)
            throw new StateConflictException($"Asset {SerialNumber} is disposed of; its status no longer changes.", nameof(OperationalStatus.Disposed), []);
        if (lastChangeAt is { } last && at < last)
            throw new RuleViolationException("at", "AfterLastChange", $"The last status change of {SerialNumber} was at {last:yyyy-MM-dd HH:mm} UTC; history is not rewritten.");
        Status = status;
        return new StatusChange(AssetId, status, at, reason, by);
    }
}

/// <summary>One entry of an asset's operational status history: from <see cref="At"/> on, the asset was in <see cref="Status"/>.</summary>
public sealed class StatusChange
{
    private StatusChange() { }

    public StatusChange(Guid assetId, OperationalStatus status, DateTime at, string reason, string by)
    {
        AssetId = assetId;
        Status = status;
        At = at;
        Reason = reason;
        By = by;
    }

    public long Id { get; private set; }
    public Guid AssetId { get; private set; }
    public OperationalStatus Status { get; private set; }
    public DateTime At { get; private set; }
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
}

/// <summary>
/// Availability: the time-weighted share of a period during which an asset was operational, counting only the time
/// its status was known (from its first status entry on), clipped exactly at the period's edges and never beyond now:
/// time that has not passed yet is neither operational nor known (as donor-reporting counts it).
/// </summary>
public static class Availability
{
    /// <summary>The end of a period as far as it has passed: <paramref name="to"/>, or now when that is still ahead.</summary>
    public static DateTime CountedTo(DateTime to, DateTime? nowUtc) => nowUtc is { } now && now < to ? now : to;

    public static (TimeSpan Operational, TimeSpan Known) For(IReadOnlyList<StatusChange> history, DateTime from, DateTime to, DateTime? nowUtc = null)
    {
        to = CountedTo(to, nowUtc);
        var ordered = history.OrderBy(h => h.At).ToList();
        TimeSpan operational = TimeSpan.Zero, known = TimeSpan.Zero;
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = ordered[i].At > from ? ordered[i].At : from;
            var end = i + 1 < ordered.Count ? ordered[i + 1].At : to;
            if (end > to) end = to;
            if (end <= start) continue;
            known += end - start;
            if (ordered[i].Status == OperationalStatus.Operational) operational += end - start;
        }
        return (operational, known);
    }

    public static double? Share((TimeSpan Operational, TimeSpan Known) t) =>
        t.Known <= TimeSpan.Zero ? null : Math.Round(t.Operational.TotalSeconds / t.Known.TotalSeconds, 4);
}

/// <summary>
/// Reliability as Odoo Maintenance computes it, in days: <b>MTBF</b> is the time in service (from the asset's first
/// status, its deployment, to today or its disposal) divided by the faults reported; <b>MTTR</b> is the mean time from a
/// fault's report to the completion of the corrective work order raised for it. A group adds its assets' time and
/// faults together (an asset without faults still adds its time in service); either is null when nothing counts.
/// </summary>
public static class Reliability
{
    /// <summary>One asset's history as reliability needs it.</summary>
    public sealed record AssetHistory(string Key, DateOnly InServiceFrom, DateOnly InServiceTo, int Failures, IReadOnlyList<int> RepairDays);

    public sealed record Figures(string Key, int Assets, int Failures, int InServiceDays, double? MtbfDays, int Repairs, double? MttrDays);

    public static AssetHistory For(string key, IReadOnlyList<StatusChange> statuses, IReadOnlyList<FaultReport> faults,
        IReadOnlyList<(DateOnly ReportedOn, DateOnly CompletedOn)> repairs, DateOnly today)
    {
        var ordered = statuses.OrderBy(s => s.At).ToList();
        var from = ordered.Count > 0 ? DateOnly.FromDateTime(ordered[0].At) : today;
        var to = ordered.FirstOrDefault(s => s.Status == OperationalStatus.Disposed) is { } disposed ? DateOnly.FromDateTime(disposed.At) : today;
        if (to < from) to = from;
        return new AssetHistory(key, from, to, faults.Count, repairs.Select(r => Math.Max(0, r.CompletedOn.DayNumber - r.ReportedOn.DayNumber)).ToList());
    }

    public static IReadOnlyList<Figures> Group(IEnumerable<AssetHistory> assets) =>
        assets.GroupBy(a => a.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var days = g.Sum(a => a.InServiceTo.DayNumber - a.InServiceFrom.DayNumber);
            var failures = g.Sum(a => a.Failures);
            var repairs = g.SelectMany(a => a.RepairDays).ToList();
            return new Figures(g.Key, g.Count(), failures, days, failures == 0 ? null : Math.Round((double)days / failures, 2),
                repairs.Count, repairs.Count == 0 ? null : Math.Round(repairs.Average(), 2));
        }).ToList();
}
