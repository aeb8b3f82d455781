using Equipment.BuildingBlocks.Errors;

namespace Equipment.Maintenance.Domain;

public sealed class FaultReport
{
    private FaultReport() { }

    public FaultReport(Guid assetId, string symptom, FaultSeverity severity, string reportedBy, DateTime reportedAt)
    {
        Id = Guid.NewGuid();
        AssetId = assetId;
        Symptom = symptom;
        Severity = severity;
        ReportedBy = reportedBy;
        // To the microsecond, as PostgreSQL keeps it: the event published now and every one read back later carry the same instant.
        ReportedAt = new DateTime(reportedAt.Ticks - reportedAt.Ticks % TimeSpan.TicksPerMicrosecond, reportedAt.Kind);
    }

    public Guid Id { get; private set; }
    public Guid AssetId { get; private set; }
    public string Symptom { get; private set; } = "";
    public FaultSeverity Severity { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public DateTime ReportedAt { get; private set; }
}

/// <summary>A preventive or corrective job on one asset: open → scheduled → in progress → completed, or cancelled before completion.</summary>
public sealed class WorkOrder
{
    private static readonly Dictionary<WorkOrderStatus, WorkOrderStatus[]> Next = new()
    {
        [WorkOrderStatus.Open] = [WorkOrderStatus.Scheduled, WorkOrderStatus.Cancelled],
        [WorkOrderStatus.Scheduled] = [WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled],
        [WorkOrderStatus.InProgress] = [WorkOrderStatus.Completed, WorkOrderStatus.Cancelled],
        [WorkOrderStatus.Completed] = [],
        [WorkOrderStatus.Cancelled] = [],
    };

    private WorkOrder() { }

    public WorkOrder(Guid assetId, WorkOrderKind kind, Guid? faultReportId, DateTime openedAt)
    {
        Id = Guid.NewGuid();
        AssetId = assetId;
        Kind = kind;
        FaultReportId = faultReportId;
        OpenedAt = openedAt;
        Status = WorkOrderStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid AssetId { get; private set; }
    public WorkOrderKind Kind { get; private set; }
    public Guid? FaultReportId { get; private set; }
    public WorkOrderStatus Status { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateOnly? ScheduledFor { get; private set; }
    public string? Technician { get; private set; }
    public List<PartUsed> Parts { get; private set; } = [];
    public decimal LabourHours { get; private set; }
    public string? Outcome { get; private set; }
    /// <summary>The day work started (null for work started before it was kept).</summary>
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? CancellationReason { get; private set; }
    public decimal PartsCost => Parts.Sum(p => p.Quantity * p.UnitCost);

    public void Schedule(DateOnly on, string technician)
    {
        Move(WorkOrderStatus.Scheduled);
        ScheduledFor = on;
        Technician = technician;
    }

    public void Start(DateOnly on)
    {
        Move(WorkOrderStatus.InProgress);
        StartedOn = on;
    }

    /// <summary>Completes the work, never before the day it started.</summary>
    public void Complete(DateOnly on, IReadOnlyList<PartUsed> parts, decimal labourHours, string outcome)
    {
        if (Status == WorkOrderStatus.InProgress && StartedOn is { } started && on < started)
            throw new RuleViolationException("on", "NotBeforeStart",
                $"Work order {Id} started on {started:yyyy-MM-dd}; it cannot be completed on {on:yyyy-MM-dd}, before it started.");
        Move(WorkOrderStatus.Completed);
        CompletedOn = on;
        Parts = parts.ToList();
        LabourHours = labourHours;
        Outcome = outcome;
    }

    public void Cancel(string reason)
    {
        Move(WorkOrderStatus.Cancelled);
        CancellationReason = reason;
    }

    /// <summary>Its evidence (photos of the fault and the repair) is added while the job is open; a completed or cancelled order is closed.</summary>
    public string? EvidenceClosedState => Status is WorkOrderStatus.Completed or WorkOrderStatus.Cancelled ? Status.ToString() : null;

    private void Move(WorkOrderStatus target)
    {
        if (!Next[Status].Contains(target))
            throw new StateConflictException($"Work order {Id} is {Status}; it cannot become {target}.", Status.ToString(), Next[Status].Select(s => s.ToString()).ToList());
        Status = target;
    }
}

/// <summary>A claim against the supplier for a corrective job on an asset still under warranty: raised → accepted or rejected → resolved.</summary>
public sealed class WarrantyClaim
{
    private WarrantyClaim() { }

    public WarrantyClaim(Guid assetId, Guid workOrderId, string supplierName, DateOnly raisedOn)
    {
        Id = Guid.NewGuid();
        AssetId = assetId;
        WorkOrderId = workOrderId;
        SupplierName = supplierName;
        RaisedOn = raisedOn;
        Status = WarrantyClaimStatus.Raised;
    }

    /// <summary>
    /// A claim a technician raises on a work order themselves: for a job the automatic claim did not cover (a preventive
    /// job that found a defect, or a warranty learnt after the job was opened). The asset must have been under warranty on
    /// the day the job was opened, the job not cancelled, and a work order has one claim at most.
    /// </summary>
    public static WarrantyClaim RaiseFor(WorkOrder order, MaintainedAsset asset, WarrantyClaim? existing, DateOnly today)
    {
        if (existing is not null)
            throw new ConflictException($"Work order {order.Id} already has warranty claim {existing.Id} ({existing.Status}).", "OneClaimPerWorkOrder");
        if (order.Status == WorkOrderStatus.Cancelled)
            throw new StateConflictException($"Work order {order.Id} is {order.Status}; a claim is raised on work that was or is being done.", order.Status.ToString(),
                [nameof(WorkOrderStatus.Open), nameof(WorkOrderStatus.Scheduled), nameof(WorkOrderStatus.InProgress), nameof(WorkOrderStatus.Completed)]);
        var opened = DateOnly.FromDateTime(order.OpenedAt);
        if (!asset.IsUnderWarranty(opened))
            throw new RuleViolationException("workOrderId", "UnderWarranty",
                $"The warranty of {asset.SerialNumber} ended on {asset.WarrantyEndsOn:yyyy-MM-dd}, before the work order was opened on {opened:yyyy-MM-dd}.");
        return new WarrantyClaim(asset.AssetId, order.Id, asset.SupplierName ?? "supplier", today);
    }

    public Guid Id { get; private set; }
    public Guid AssetId { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public DateOnly RaisedOn { get; private set; }
    public WarrantyClaimStatus Status { get; private set; }
    public decimal SupplierBore { get; private set; }
    public string? Notes { get; private set; }

    public void Decide(bool accepted, string? notes)
    {
        if (Status != WarrantyClaimStatus.Raised)
            throw new StateConflictException($"Warranty claim {Id} is {Status}; only a Raised claim is decided.", Status.ToString(), [nameof(WarrantyClaimStatus.Raised)]);
        Status = accepted ? WarrantyClaimStatus.Accepted : WarrantyClaimStatus.Rejected;
        Notes = notes;
    }

    public void Resolve(decimal supplierBore)
    {
        if (Status is not (WarrantyClaimStatus.Accepted or WarrantyClaimStatus.Rejected))
            throw new StateConflictException($"Warranty claim {Id} is {Status}; it is resolved once accepted or rejected.", Status.ToString(),
                [nameof(WarrantyClaimStatus.Accepted), nameof(WarrantyClaimStatus.Rejected)]);
        if (Status == WarrantyClaimStatus.Rejected && supplierBore > 0)
            throw new RuleViolationException("supplierBore", "RejectedBearsNothing", "A rejected claim leaves nothing to the supplier.");
        SupplierBore = supplierBore;
        Status = WarrantyClaimStatus.Resolved;
    }
}

/// <summary>A preventive plan per item category: every so many days (and/or usage hours or km), with its checklist.</summary>
public sealed class MaintenancePlan
{
    private MaintenancePlan() { }

    public MaintenancePlan(string itemCategory, int intervalDays, int? intervalUsageHours, int? intervalKm, IReadOnlyList<string> checklist)
    {
        ItemCategory = itemCategory;
        IntervalDays = intervalDays;
        IntervalUsageHours = intervalUsageHours;
        IntervalKm = intervalKm;
        Checklist = checklist.ToList();
    }

    public string ItemCategory { get; private set; } = "";
    public int IntervalDays { get; private set; }
    public int? IntervalUsageHours { get; private set; }
    public int? IntervalKm { get; private set; }
    public List<string> Checklist { get; private set; } = [];
}

/// <summary>A plan applied to a deployed asset: when preventive maintenance is next due.</summary>
public sealed class PlanSchedule
{
    private PlanSchedule() { }

    public PlanSchedule(Guid assetId, string itemCategory, DateOnly startsOn, int intervalDays)
    {
        AssetId = assetId;
        ItemCategory = itemCategory;
        IntervalDays = intervalDays;
        NextDueOn = startsOn.AddDays(intervalDays);
    }

    public Guid AssetId { get; private set; }
    public string ItemCategory { get; private set; } = "";
    public int IntervalDays { get; private set; }
    public DateOnly NextDueOn { get; private set; }
    public DateOnly? LastDoneOn { get; private set; }

    /// <summary>Overdue from the day after it was due.</summary>
    public bool IsOverdue(DateOnly today) => today > NextDueOn;

    public void Done(DateOnly on)
    {
        LastDoneOn = on;
        NextDueOn = on.AddDays(IntervalDays);
    }
}

/// <summary>Usage of an asset over a period: hours, km or patrols. Periods of one asset never overlap.</summary>
public sealed class UsageLog
{
    private UsageLog() { }

    public UsageLog(Guid assetId, DateOnly from, DateOnly to, decimal? hours, decimal? km, int? patrols, string by)
    {
        Id = Guid.NewGuid();
        AssetId = assetId;
        From = from;
        To = to;
        Hours = hours;
        Km = km;
        Patrols = patrols;
        By = by;
    }

    public Guid Id { get; private set; }
    public Guid AssetId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public decimal? Hours { get; private set; }
    public decimal? Km { get; private set; }
    public int? Patrols { get; private set; }
    public string By { get; private set; } = "";

    public static UsageLog Record(Guid assetId, DateOnly from, DateOnly to, decimal? hours, decimal? km, int? patrols, DateOnly today,
        IReadOnlyList<UsageLog> existing, string by)
    {
        if (to < from) throw new RuleViolationException("to", "NotBeforeFrom", "A usage period ends on or after its start.");
        if (to > today) throw new RuleViolationException("to", "NotInFuture", "Usage is recorded for periods that are over.");
        if (hours is null && km is null && patrols is null)
            throw new RuleViolationException("hours", "SomeUsage", "Record hours, km or patrols.");
        if (hours < 0 || km < 0 || patrols < 0)
            throw new RuleViolationException(hours < 0 ? "hours" : km < 0 ? "km" : "patrols", "NotNegative", "Usage is never negative.");
        var overlap = existing.FirstOrDefault(u => u.From <= to && from <= u.To);
        if (overlap is not null)
            throw new ConflictException($"Usage from {overlap.From:yyyy-MM-dd} to {overlap.To:yyyy-MM-dd} is already recorded for this asset; periods cannot overlap.", "NoOverlap");
        return new UsageLog(assetId, from, to, hours, km, patrols, by);
    }
}

/// <summary>A one-time step over the data already stored (e.g. announcing history recorded before its events existed): done once per database.</summary>
public sealed class Backfill
{
    private Backfill() { }

    public Backfill(string name, DateTime doneAt, int items)
    {
        Name = name;
        DoneAt = doneAt;
        Items = items;
    }

    public string Name { get; private set; } = "";
    public DateTime DoneAt { get; private set; }
    public int Items { get; private set; }
}
