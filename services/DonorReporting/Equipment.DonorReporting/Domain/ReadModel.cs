namespace Equipment.DonorReporting.Domain;

/// <summary>
/// Reporting's copy of one lot of a published tender, fed by <c>procurement.tender-published</c>, refined by
/// <c>award-decided</c> and closed by <c>tender-cancelled</c>. Any of them may arrive first.
/// </summary>
public sealed class TenderedLot
{
    private TenderedLot() { }

    public TenderedLot(Guid tenderId, int lotNumber, Guid grantId)
    {
        TenderId = tenderId;
        LotNumber = lotNumber;
        GrantId = grantId;
    }

    public Guid TenderId { get; private set; }
    public int LotNumber { get; private set; }
    public Guid GrantId { get; private set; }
    public string? TenderReference { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public decimal? EstimatedValue { get; private set; }
    public decimal? AwardedValue { get; private set; }
    public bool Cancelled { get; private set; }
    /// <summary>Units asked for, per destination crossing point ("" for a warehouse).</summary>
    public List<UnitsAtPoint> Units { get; private set; } = [];

    public void Published(string reference, DateTimeOffset publishedAt, decimal estimatedValue, IReadOnlyList<UnitsAtPoint> units)
    {
        TenderReference = reference;
        PublishedAt = publishedAt;
        EstimatedValue = estimatedValue;
        Units = units.ToList();
    }

    public void Awarded(decimal value) => AwardedValue = value;

    public void Cancel() => Cancelled = true;
}

public sealed record UnitsAtPoint(string CrossingPointCode, int Quantity);

/// <summary>Reporting's copy of a signed contract, fed by <c>procurement.contract-signed</c> and kept at its latest amendment.</summary>
public sealed class SignedContract
{
    private SignedContract() { }

    public SignedContract(Guid contractId, Guid grantId, string reference, string supplierName, DateOnly signedOn, Guid? tenderId, int? lotNumber,
        IReadOnlyList<ContractLine> lines)
    {
        ContractId = contractId;
        GrantId = grantId;
        Reference = reference;
        SupplierName = supplierName;
        SignedOn = signedOn;
        TenderId = tenderId;
        LotNumber = lotNumber;
        Version = 1;
        Lines = lines.ToList();
    }

    public Guid ContractId { get; private set; }
    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public DateOnly SignedOn { get; private set; }
    public Guid? TenderId { get; private set; }
    public int? LotNumber { get; private set; }
    public int Version { get; private set; }
    public List<ContractLine> Lines { get; private set; } = [];

    public decimal Value => Lines.Sum(l => l.Quantity * l.UnitPrice);
    public int Units => Lines.Sum(l => l.Quantity);

    /// <summary>Takes an amendment's lines unless a later version is already known (amendments may arrive out of order).</summary>
    public void Amended(int version, IReadOnlyList<ContractLine> lines)
    {
        if (version <= Version) return;
        Version = version;
        Lines = lines.ToList();
    }
}

public sealed record ContractLine(int LineNumber, string ItemCategory, int Quantity, decimal UnitPrice, string? DestinationCrossingPointCode);

/// <summary>
/// Reporting's copy of one asset, fed by inventory's events. Events arrive in any order: registration fills the
/// description, handover and deployment the custody, and none undoes another.
/// </summary>
public sealed class TrackedAsset
{
    private TrackedAsset() { }

    public TrackedAsset(Guid assetId, Guid grantId)
    {
        AssetId = assetId;
        GrantId = grantId;
    }

    public Guid AssetId { get; private set; }
    public Guid GrantId { get; private set; }
    public string? SerialNumber { get; private set; }
    public string? ItemCategory { get; private set; }
    public string? Description { get; private set; }
    public decimal? UnitValue { get; private set; }
    public Guid? ContractId { get; private set; }
    public int? ContractLineNumber { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }
    public DateOnly? HandedOverOn { get; private set; }
    public string? HandedOverTo { get; private set; }
    /// <summary>Where it is now; null before deployment and after disposal.</summary>
    public string? CrossingPointCode { get; private set; }
    /// <summary>Where its latest deployment or transfer took it, kept after disposal (reliability counts an asset where it served).</summary>
    public string? LastCrossingPointCode { get; private set; }
    public DateOnly? LastDeployedOn { get; private set; }
    /// <summary>v2 of the registration: make and model (null for assets registered before reporting kept them).</summary>
    public string? Manufacturer { get; private set; }
    public string? Model { get; private set; }
    /// <summary>The day it was disposed of, lost or stolen (null before disposal, or for a disposal learnt before reporting kept the day).</summary>
    public DateOnly? DisposedOn { get; private set; }
    /// <summary>Inventory's photo of the unit as it was received (an attachment of its goods received note, served by inventory), if one was taken.</summary>
    public Guid? ReceiptPhotoId { get; private set; }

    /// <summary>
    /// The photo shown is the latest attached of the unit's receipt photos that is not removed, from all that is known of
    /// them, so that the order the events came in never matters (a removal before its attachment leaves nothing shown).
    /// </summary>
    public void ShowReceiptPhoto(IEnumerable<KnownReceiptPhoto> photos) =>
        ReceiptPhotoId = photos.Where(p => p.AssetId == AssetId && p.AttachedAt is not null && !p.Removed)
            .OrderByDescending(p => p.AttachedAt).ThenByDescending(p => p.AttachmentId).Select(p => (Guid?)p.AttachmentId).FirstOrDefault();
    /// <summary>The day of its latest deployment or transfer.</summary>
    public DateOnly? DeployedOn { get; private set; }
    /// <summary>The day it first reached a crossing point: the end of its lead time.</summary>
    public DateOnly? FirstDeployedOn { get; private set; }
    /// <summary>Disposed, Lost or Stolen: it no longer counts as deployed.</summary>
    public string? Disposal { get; private set; }
    /// <summary>A deployment away from the contract line's destination: where it was bought for, where it went, why.</summary>
    public string? DeviationFromCrossingPointCode { get; private set; }
    public string? DeviationToCrossingPointCode { get; private set; }
    public DateOnly? DeviationOn { get; private set; }
    public string? DeviationReason { get; private set; }

    /// <summary>The deployment was a recorded deviation (only a deployment carries one; the same event twice changes nothing).</summary>
    public void DeployedAwayFromDestination(string? destination, string deployedAt, DateOnly on, string reason)
    {
        DeviationFromCrossingPointCode = destination;
        DeviationToCrossingPointCode = deployedAt;
        DeviationOn = on;
        DeviationReason = reason;
    }

    public bool IsRegistered => SerialNumber is not null;

    // The asset's part of its grant's figures, kept on the row so that the summary adds rows up and never reads status
    // records. Recomputed whole from the asset's own history (statuses, faults, repairs) whenever one of its events
    // arrives, so the order and repetition of events never matter.

    /// <summary>Its latest status by the time maintenance gave it (null: none reported; it then counts as operational once deployed).</summary>
    public string? LatestStatus { get; private set; }
    /// <summary>The grant end date the availability columns were cut at; null until computed (an upgraded database, an unknown grant).</summary>
    public DateOnly? FiguresUntil { get; private set; }
    /// <summary>Raised by every recompute: of two deliveries that recompute the asset at once, the second fails and is redelivered.</summary>
    public int FiguresVersion { get; private set; }
    /// <summary>Known and operational time (ticks) of its timeline before its last change, within the grant's period.</summary>
    public long KnownTicks { get; private set; }
    public long OperationalTicks { get; private set; }
    /// <summary>When its timeline's last change took effect (ticks), and where the still-open last segment starts (not before the grant): null without a timeline.</summary>
    public long? LastChangeTicks { get; private set; }
    public long? OpenFromTicks { get; private set; }
    /// <summary>Reliability: its days in service run from this day (a day number) to today, or to its end day once out of service.</summary>
    public int? InServiceFromDay { get; private set; }
    public int? InServiceUntilDay { get; private set; }
    public int Faults { get; private set; }
    public int Repairs { get; private set; }
    public int RepairDays { get; private set; }

    /// <summary>Operational now: no status reported, or the latest is Operational.</summary>
    public bool IsOperational => LatestStatus is null || LatestStatus == GrantFiguresCalculator.OperationalStatus;

    /// <summary>
    /// Recomputes the asset's figure columns from its whole history and its grant's period (null when the grant is not
    /// known here: the columns then wait for it, and the summary reads this asset's history instead). The closed part
    /// of the timeline is cut at the grant's end, or at <paramref name="cutAt"/> (the summary's own copy of an asset
    /// whose history runs past the period's end today).
    /// </summary>
    public void RefreshFigures(IReadOnlyList<StatusRecord> history, IReadOnlyList<FaultRecord> faults, IReadOnlyList<RepairRecord> repairs,
        (DateOnly Start, DateOnly End)? grantPeriod, DateTime? cutAt = null)
    {
        FiguresVersion++;
        LatestStatus = history.OrderBy(s => s.ChangedAt).LastOrDefault()?.Status;
        Faults = faults.Count(f => f.GrantId == GrantId && f.AssetId == AssetId);
        var repaired = repairs.Where(r => r.GrantId == GrantId && r.AssetId == AssetId).ToList();
        Repairs = repaired.Count;
        RepairDays = repaired.Sum(r => r.Days);
        if (FirstDeployedOn is not null)
        {
            var (from, until) = Reliability.InService(this, history);
            InServiceFromDay = from.DayNumber;
            InServiceUntilDay = until?.DayNumber;
        }
        else (InServiceFromDay, InServiceUntilDay) = (null, null);

        (KnownTicks, OperationalTicks, LastChangeTicks, OpenFromTicks) = (0, 0, null, null);
        FiguresUntil = grantPeriod?.End;
        if (grantPeriod is not { } period) return;
        var from0 = period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
        var end = (cutAt ?? period.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Ticks;
        var timeline = Availability.Timeline(this, history);
        if (timeline.Count == 0) return;
        for (var i = 0; i + 1 < timeline.Count; i++)
        {
            var start = Math.Max(timeline[i].ChangedAt.Ticks, from0);
            var stop = Math.Min(timeline[i + 1].ChangedAt.Ticks, end);
            if (stop <= start) continue;
            KnownTicks += stop - start;
            if (timeline[i].Status == GrantFiguresCalculator.OperationalStatus) OperationalTicks += stop - start;
        }
        LastChangeTicks = timeline[^1].ChangedAt.Ticks;
        OpenFromTicks = Math.Max(LastChangeTicks.Value, from0);
    }

    /// <summary>A copy started by a status change before any of inventory's events: its grant is learnt from the first of them.</summary>
    public static TrackedAsset Unplaced(Guid assetId) => new(assetId, Guid.Empty);

    public void BelongsTo(Guid grantId)
    {
        if (GrantId == Guid.Empty) GrantId = grantId;
    }

    public void Registered(string serialNumber, string itemCategory, string description, decimal unitValue, Guid contractId, int contractLineNumber, DateOnly receivedOn,
        string? manufacturer = null, string? model = null)
    {
        Manufacturer = manufacturer;
        Model = model;
        SerialNumber = serialNumber;
        ItemCategory = itemCategory;
        Description = description;
        UnitValue = unitValue;
        ContractId = contractId;
        ContractLineNumber = contractLineNumber;
        ReceivedOn = receivedOn;
    }

    public void HandedOver(DateOnly on, string authority)
    {
        if (HandedOverOn is { } earlier && earlier <= on) return;
        HandedOverOn = on;
        HandedOverTo = authority;
    }

    public void Disposed(string kind, DateOnly? on = null)
    {
        Disposal = kind;
        DisposedOn = on ?? DisposedOn;
        CrossingPointCode = null;
    }

    /// <summary>Keeps the latest deployment: a late, older deployment event does not move the asset back.</summary>
    public void Deployed(string crossingPointCode, DateOnly deployedOn)
    {
        if (FirstDeployedOn is null || deployedOn < FirstDeployedOn) FirstDeployedOn = deployedOn;
        if (LastDeployedOn is null || deployedOn >= LastDeployedOn)
        {
            LastCrossingPointCode = crossingPointCode;
            LastDeployedOn = deployedOn;
        }
        if (Disposal is not null || (DeployedOn is { } current && current > deployedOn)) return;
        CrossingPointCode = crossingPointCode;
        DeployedOn = deployedOn;
    }
}

/// <summary>
/// A photo of a unit from its goods received note, as inventory announced it: attached (when), removed, or both — a
/// removal that arrives first is kept, so the attachment arriving after it is not shown.
/// </summary>
public sealed class KnownReceiptPhoto
{
    private KnownReceiptPhoto() { }

    public KnownReceiptPhoto(Guid assetId, Guid attachmentId)
    {
        AssetId = assetId;
        AttachmentId = attachmentId;
    }

    public Guid AssetId { get; private set; }
    public Guid AttachmentId { get; private set; }
    /// <summary>When it was attached; null while only its removal is known.</summary>
    public DateTime? AttachedAt { get; private set; }
    public bool Removed { get; private set; }

    public void Attached(DateTime at) => AttachedAt ??= at;
    public void Remove() => Removed = true;
}

/// <summary>One status change from maintenance, kept whole so availability can be computed whatever order they came in.</summary>
public sealed class StatusRecord
{
    private StatusRecord() { }

    public StatusRecord(Guid eventId, Guid assetId, string status, DateTime changedAt)
    {
        EventId = eventId;
        AssetId = assetId;
        Status = status;
        ChangedAt = changedAt;
    }

    public Guid EventId { get; private set; }
    public Guid AssetId { get; private set; }
    public string Status { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}

/// <summary>
/// What keeping the grant's equipment in use took and gave, from maintenance's events: a completed work order's cost
/// and labour, or a usage log's hours, kilometres and patrols. One row per event, so a redelivery never counts twice.
/// </summary>
public sealed class UpkeepRecord
{
    private UpkeepRecord() { }

    public static UpkeepRecord WorkOrder(Guid eventId, Guid grantId, Guid assetId, DateOnly completedOn, decimal partsCost, decimal labourHours) =>
        new(eventId, grantId, assetId, completedOn, partsCost, labourHours, 0, 0, 0) { IsWorkOrder = true };

    public static UpkeepRecord Usage(Guid eventId, Guid grantId, Guid assetId, DateOnly to, decimal hours, decimal km, int patrols) =>
        new(eventId, grantId, assetId, to, 0, 0, hours, km, patrols);

    private UpkeepRecord(Guid eventId, Guid grantId, Guid assetId, DateOnly on, decimal partsCost, decimal labourHours, decimal usageHours, decimal usageKm, int patrols)
    {
        EventId = eventId;
        GrantId = grantId;
        AssetId = assetId;
        On = on;
        PartsCost = partsCost;
        LabourHours = labourHours;
        UsageHours = usageHours;
        UsageKm = usageKm;
        Patrols = patrols;
    }

    public Guid EventId { get; private set; }
    public Guid GrantId { get; private set; }
    public Guid AssetId { get; private set; }
    public DateOnly On { get; private set; }
    /// <summary>A completed work order; otherwise a usage log.</summary>
    public bool IsWorkOrder { get; private set; }
    public decimal PartsCost { get; private set; }
    public decimal LabourHours { get; private set; }
    public decimal UsageHours { get; private set; }
    public decimal UsageKm { get; private set; }
    public int Patrols { get; private set; }
}

/// <summary>
/// A fault maintenance reported on one of the grant's assets (<c>maintenance.fault-reported</c>, or learnt from its
/// repair if that arrives first): one failure in the mean time between failures. One row per fault, so a redelivery
/// or both events never count it twice.
/// </summary>
public sealed class FaultRecord
{
    private FaultRecord() { }

    public FaultRecord(Guid faultReportId, Guid grantId, Guid assetId, DateTime reportedAt)
    {
        FaultReportId = faultReportId;
        GrantId = grantId;
        AssetId = assetId;
        ReportedAt = reportedAt;
    }

    public Guid FaultReportId { get; private set; }
    public Guid GrantId { get; private set; }
    public Guid AssetId { get; private set; }
    public DateTime ReportedAt { get; private set; }
}

/// <summary>A corrective work order that repaired a reported fault (<c>maintenance.fault-repaired</c>): one repair in the mean time to repair.</summary>
public sealed class RepairRecord
{
    private RepairRecord() { }

    public RepairRecord(Guid workOrderId, Guid faultReportId, Guid grantId, Guid assetId, DateTime faultReportedAt, DateOnly repairedOn)
    {
        WorkOrderId = workOrderId;
        FaultReportId = faultReportId;
        GrantId = grantId;
        AssetId = assetId;
        FaultReportedAt = faultReportedAt;
        RepairedOn = repairedOn;
    }

    public Guid WorkOrderId { get; private set; }
    public Guid FaultReportId { get; private set; }
    public Guid GrantId { get; private set; }
    public Guid AssetId { get; private set; }
    public DateTime FaultReportedAt { get; private set; }
    public DateOnly RepairedOn { get; private set; }

    /// <summary>Whole days from the day the fault was reported to the day of the repair, as maintenance counts them.</summary>
    public int Days => Math.Max(0, RepairedOn.DayNumber - DateOnly.FromDateTime(FaultReportedAt).DayNumber);
}
