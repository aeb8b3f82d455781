using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;



/// <summary>
/// A received unit, identified by manufacturer, model and serial number, followed from the goods received note to the
/// implementing partner's warehouse, the handover to the border authority, and its deployments. Every movement returns
/// the custody entry to append.
/// </summary>
public sealed class Asset
{
    private Asset() { }

    public Guid Id { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string Manufacturer { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid ExpectedDeliveryId { get; private set; }
    public Guid ContractId { get; private set; }
    public string ContractReference { get; private set; } = "";
    public int ContractLineNumber { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public decimal UnitValue { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public Guid GoodsReceivedNoteId { get; private set; }
    /// <summary>The provisional acceptance date: the day the goods were received.</summary>
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public int DeemedAcceptanceDays { get; private set; }
    public int WarrantyMonths { get; private set; }
    public bool VisibilityMarking { get; private set; }
    public string? VisibilityEvidence { get; private set; }
    public AssetStatus Status { get; private set; }
    /// <summary>Who owns it: the implementing partner until the handover, the beneficiary authority after.</summary>
    public string Owner { get; private set; } = "";
    public string? WarehouseCode { get; private set; }
    public string? CrossingPointCode { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    public Guid? HandoverCertificateId { get; private set; }
    /// <summary>The handover certificate's date (null for assets handed over before it was kept: their receipt bounds deployment).</summary>
    public DateOnly? HandedOverOn { get; private set; }
    public DateOnly? DisposedOn { get; private set; }
    /// <summary>The contract line's destination crossing point (null when the line goes to a warehouse).</summary>
    public string? DestinationCrossingPointCode { get; private set; }
    /// <summary>Set when the asset was deployed elsewhere than <see cref="DestinationCrossingPointCode"/>: why.</summary>
    public string? DeploymentDeviationReason { get; private set; }
    public bool DeployedAwayFromDestination => DeploymentDeviationReason is not null;
    /// <summary>The last day someone saw it (a closed stock-take, a verification finding), where, and how.</summary>
    public DateOnly? LastSeenOn { get; private set; }
    public string? LastSeenPlace { get; private set; }
    public string? LastSeenBy { get; private set; }

    /// <summary>Received, handed over or deployed: still on the register (not disposed of, lost or stolen).</summary>
    public bool InService => Status is AssetStatus.Received or AssetStatus.HandedOver or AssetStatus.Deployed;

    /// <summary>In service and registered at this crossing point or warehouse.</summary>
    public bool IsRegisteredAt(string placeCode) => InService && string.Equals(Location, placeCode, StringComparison.Ordinal);

    /// <summary>The day it was last seen, or, never seen since, the day it last moved (deployment or receipt).</summary>
    public DateOnly LastSeenOrMovedOn => LastSeenOn is { } seen && seen >= (DeployedOn ?? ReceivedOn) ? seen : DeployedOn ?? ReceivedOn;

    /// <summary>Someone saw it on <paramref name="on"/> at <paramref name="place"/>; an older sighting arriving late changes nothing.</summary>
    public void Seen(DateOnly on, string place, string by)
    {
        if (LastSeenOn is { } last && on < last) return;
        LastSeenOn = on;
        LastSeenPlace = place;
        LastSeenBy = by;
    }

    /// <summary>Final acceptance: recorded, or deemed once the configured period has run with nothing recorded.</summary>
    public DateOnly? AcceptanceOn(DateOnly today) => AcceptanceOn(AcceptedOn, ReceivedOn, DeemedAcceptanceDays, today);

    /// <summary>Accepted on the day recorded, or deemed accepted once the days after receipt have passed.</summary>
    public static DateOnly? AcceptanceOn(DateOnly? acceptedOn, DateOnly receivedOn, int deemedAcceptanceDays, DateOnly today) =>
        acceptedOn ?? (today >= receivedOn.AddDays(deemedAcceptanceDays) ? receivedOn.AddDays(deemedAcceptanceDays) : null);

    /// <summary>Warranty runs from acceptance; before acceptance, the end it will have if acceptance is deemed.</summary>
    public DateOnly WarrantyEndsOn(DateOnly today) => WarrantyEndsOn(AcceptedOn, ReceivedOn, DeemedAcceptanceDays, WarrantyMonths, today);

    public static DateOnly WarrantyEndsOn(DateOnly? acceptedOn, DateOnly receivedOn, int deemedAcceptanceDays, int warrantyMonths, DateOnly today) =>
        (AcceptanceOn(acceptedOn, receivedOn, deemedAcceptanceDays, today) ?? receivedOn.AddDays(deemedAcceptanceDays)).AddMonths(warrantyMonths);

    public string Location => CrossingPointCode ?? WarehouseCode ?? "";

    internal static (Asset, CustodyEntry) Register(ReceivedUnit unit, ExpectedDelivery delivery, GoodsReceivedNote note, string owner, string warehouseCode, string by, DateTime nowUtc)
    {
        var asset = new Asset
        {
            Id = Guid.NewGuid(),
            SerialNumber = unit.SerialNumber,
            Manufacturer = unit.Manufacturer,
            Model = unit.Model,
            ItemCategory = delivery.ItemCategory,
            Description = delivery.Description,
            ExpectedDeliveryId = delivery.Id,
            ContractId = delivery.ContractId,
            ContractReference = delivery.ContractReference,
            ContractLineNumber = delivery.ContractLineNumber,
            GrantId = delivery.GrantId,
            DonorCode = delivery.DonorCode,
            SupplierName = delivery.SupplierName,
            UnitValue = delivery.UnitPrice,
            Currency = delivery.Currency,
            GoodsReceivedNoteId = note.Id,
            ReceivedOn = note.ReceivedOn,
            DeemedAcceptanceDays = note.DeemedAcceptanceDays,
            WarrantyMonths = delivery.WarrantyMonths,
            VisibilityMarking = unit.VisibilityMarking,
            VisibilityEvidence = unit.VisibilityEvidence,
            Status = AssetStatus.Received,
            Owner = owner,
            WarehouseCode = warehouseCode,
            DestinationCrossingPointCode = delivery.DestinationCrossingPointCode,
        };
        return (asset, CustodyEntry.Record(asset.Id, note.ReceivedOn, CustodyAction.Received, delivery.SupplierName, CustodyWords.OwnerInWarehouse(owner, warehouseCode).Text,
            by, CustodyWords.GoodsReceivedNote(note.Number).Text, note.Number, nowUtc));
    }

    internal void Accept(DateOnly acceptedOn) => AcceptedOn ??= acceptedOn;

    public CustodyEntry HandOver(HandoverCertificate certificate, string by, DateTime nowUtc)
    {
        Ensure(AssetStatus.Received, "handed over");
        if (certificate.HandedOverOn < ReceivedOn)
            throw new RuleViolationException("handedOverOn", "NotBeforeReceipt",
                $"Asset {SerialNumber} was received on {ReceivedOn:yyyy-MM-dd}; it cannot be handed over on {certificate.HandedOverOn:yyyy-MM-dd}, before it was received.");
        if (AcceptedOn is { } accepted && certificate.HandedOverOn < accepted)
            throw new RuleViolationException("handedOverOn", "NotBeforeAcceptance",
                $"Asset {SerialNumber} was accepted on {accepted:yyyy-MM-dd}; it cannot be handed over on {certificate.HandedOverOn:yyyy-MM-dd}, before its acceptance.");
        var from = Owner;
        Status = AssetStatus.HandedOver;
        Owner = certificate.ToAuthority;
        HandoverCertificateId = certificate.Id;
        HandedOverOn = certificate.HandedOverOn;
        return CustodyEntry.Record(Id, certificate.HandedOverOn, CustodyAction.HandedOver, from, certificate.ToAuthority, by,
            CustodyWords.HandoverCertificate(certificate.Number).Text, certificate.Number, nowUtc);
    }

    /// <summary>
    /// Deploys a handed-over asset at one of its grant's agreed crossing points, not before its handover. Deploying it
    /// elsewhere than its contract line's destination crossing point is a deviation: it needs a reason, which the asset,
    /// its custody entry and the event keep.
    /// </summary>
    public CustodyEntry DeployAt(string crossingPointCode, DateOnly deployedOn, KnownGrant grant, string by, DateTime nowUtc, string? deviationReason = null)
    {
        Ensure(AssetStatus.HandedOver, "deployed (a move between crossing points is a transfer)");
        var point = grant.AgreedCrossingPoint(crossingPointCode);
        if (deployedOn < ReceivedOn)
            throw new RuleViolationException("deployedOn", "NotBeforeReceipt",
                $"Asset {SerialNumber} was received on {ReceivedOn:yyyy-MM-dd}; it cannot be deployed on {deployedOn:yyyy-MM-dd}, before it was received.");
        if (HandedOverOn is { } handedOver && deployedOn < handedOver)
            throw new RuleViolationException("deployedOn", "NotBeforeHandover",
                $"Asset {SerialNumber} was handed over on {handedOver:yyyy-MM-dd}; it cannot be deployed on {deployedOn:yyyy-MM-dd}, before its handover.");
        var deviation = DestinationCrossingPointCode is { } destination && !string.Equals(destination, point.Code, StringComparison.OrdinalIgnoreCase);
        if (deviation && string.IsNullOrWhiteSpace(deviationReason))
            throw new RuleViolationException("deviationReason", "ReasonForDeviation",
                $"Asset {SerialNumber} was bought for {DestinationCrossingPointCode}; deploying it at {point.Code} is a deviation from the contract line's destination and needs a reason.");
        var from = WarehouseCode is null ? Owner : CustodyWords.Warehouse(WarehouseCode).Text;
        Status = AssetStatus.Deployed;
        CrossingPointCode = point.Code;
        WarehouseCode = null;
        DeployedOn = deployedOn;
        DeploymentDeviationReason = deviation ? deviationReason!.Trim() : null;
        var why = CustodyWords.Deployment(DestinationCrossingPointCode, DeploymentDeviationReason).Text;
        return CustodyEntry.Record(Id, deployedOn, CustodyAction.Deployed, from, $"{point.Name} ({point.Code})", by, why, null, nowUtc);
    }

    public CustodyEntry TransferTo(string crossingPointCode, DateOnly transferredOn, string reason, KnownGrant grant, string by, DateTime nowUtc)
    {
        Ensure(AssetStatus.Deployed, "transferred");
        var point = grant.AgreedCrossingPoint(crossingPointCode);
        if (point.Code == CrossingPointCode)
            throw new RuleViolationException("toCrossingPointCode", "DifferentCrossingPoint", $"Asset {SerialNumber} is already at {point.Code}.");
        if (transferredOn < DeployedOn)
            throw new RuleViolationException("transferredOn", "NotBeforeDeployment", $"Asset {SerialNumber} was deployed on {DeployedOn:yyyy-MM-dd}.");
        var from = CrossingPointCode!;
        CrossingPointCode = point.Code;
        DeployedOn = transferredOn;
        return CustodyEntry.Record(Id, transferredOn, CustodyAction.Transferred, from, $"{point.Name} ({point.Code})", by, reason, null, nowUtc);
    }

    /// <summary>
    /// The state of its disposal, loss or theft, whose evidence (a police report, a disposal record) may come after it and is
    /// added, never removed: the disposal is final. An asset still in service has no disposal (409 naming its status).
    /// </summary>
    public string DisposalState() => Status is AssetStatus.Disposed or AssetStatus.Lost or AssetStatus.Stolen
        ? Status.ToString()
        : throw new StateConflictException($"Asset {SerialNumber} is {Status}: it has no disposal, loss or theft to keep evidence of.", Status.ToString(),
            [nameof(AssetStatus.Disposed), nameof(AssetStatus.Lost), nameof(AssetStatus.Stolen)]);

    public CustodyEntry Dispose(DisposalKind kind, DateOnly on, string reason, string? evidence, string by, DateTime nowUtc)
    {
        if (Status is AssetStatus.Disposed or AssetStatus.Lost or AssetStatus.Stolen)
            throw new StateConflictException($"Asset {SerialNumber} is already {Status}.", Status.ToString(), []);
        if (on < ReceivedOn)
            throw new RuleViolationException("on", "NotBeforeReceipt", $"Asset {SerialNumber} was received on {ReceivedOn:yyyy-MM-dd}.");
        var from = Location.Length > 0 ? Location : Owner;
        Status = kind switch { DisposalKind.Lost => AssetStatus.Lost, DisposalKind.Stolen => AssetStatus.Stolen, _ => AssetStatus.Disposed };
        DisposedOn = on;
        return CustodyEntry.Record(Id, on, kind switch { DisposalKind.Lost => CustodyAction.Lost, DisposalKind.Stolen => CustodyAction.Stolen, _ => CustodyAction.Disposed },
            from, "", by, reason, evidence, nowUtc);
    }

    private void Ensure(AssetStatus required, string what)
    {
        if (Status != required)
            throw new StateConflictException($"Asset {SerialNumber} is {Status}; only a {required} asset can be {what}.", Status.ToString(), [required.ToString()]);
    }
}

public sealed record ReceivedUnit(string SerialNumber, string Manufacturer, string Model, bool VisibilityMarking, string? VisibilityEvidence);


/// <summary>One movement of an asset: who, what, from, to, when, why. Append-only: the DbContext refuses to change or delete one.</summary>
public sealed class CustodyEntry
{
    private CustodyEntry() { }

    public long Id { get; private set; }
    public Guid AssetId { get; private set; }
    public DateOnly On { get; private set; }
    public CustodyAction Action { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string By { get; private set; } = "";
    public string Why { get; private set; } = "";
    public string? Reference { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public static CustodyEntry Record(Guid assetId, DateOnly on, CustodyAction action, string from, string to, string by, string why, string? reference, DateTime nowUtc) =>
        new() { AssetId = assetId, On = on, Action = action, From = from, To = to, By = by, Why = why, Reference = reference, RecordedAt = nowUtc };
}
