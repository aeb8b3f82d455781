using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

public enum AssetStatus { InWarehouse, Deployed }

/// <summary>A received unit with its serial number, followed until (and after) it is deployed at a crossing point.</summary>
public sealed class Asset
{
    private Asset() { }

    public Guid Id { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid ExpectedDeliveryId { get; private set; }
    public Guid ContractId { get; private set; }
    public int ContractLineNumber { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public decimal UnitValue { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly WarrantyEndsOn { get; private set; }
    public AssetStatus Status { get; private set; }
    public string? CrossingPointCode { get; private set; }
    public DateOnly? DeployedOn { get; private set; }

    internal static Asset Register(string serialNumber, ExpectedDelivery delivery, DateOnly receivedOn) => new()
    {
        Id = Guid.NewGuid(),
        SerialNumber = serialNumber,
        ItemCategory = delivery.ItemCategory,
        Description = delivery.Description,
        ExpectedDeliveryId = delivery.Id,
        ContractId = delivery.ContractId,
        ContractLineNumber = delivery.ContractLineNumber,
        GrantId = delivery.GrantId,
        DonorCode = delivery.DonorCode,
        UnitValue = delivery.UnitPrice,
        Currency = delivery.Currency,
        ReceivedOn = receivedOn,
        WarrantyEndsOn = receivedOn.AddMonths(delivery.WarrantyMonths),
        Status = AssetStatus.InWarehouse,
    };

    /// <summary>Deploys the asset at one of its grant's agreed crossing points.</summary>
    public void DeployAt(string crossingPointCode, DateOnly deployedOn, KnownGrant grant)
    {
        if (Status != AssetStatus.InWarehouse)
            throw new StateConflictException(
                $"Asset {SerialNumber} is {Status} at {CrossingPointCode}; only an asset in the warehouse can be deployed (a move between crossing points is a transfer).",
                Status.ToString(), [nameof(AssetStatus.InWarehouse)]);
        if (grant.GrantId != GrantId)
            throw new InvalidOperationException($"Grant {grant.GrantId} is not the grant of asset {Id}.");
        if (!grant.CrossingPointCodes.Contains(crossingPointCode))
            throw new RuleViolationException("crossingPointCode", "AgreedCrossingPoint",
                $"'{crossingPointCode}' is not an agreed crossing point of grant {grant.Reference} ({string.Join(", ", grant.CrossingPointCodes)}).");
        if (deployedOn < ReceivedOn)
            throw new RuleViolationException("deployedOn", "NotBeforeReceipt", $"An asset cannot be deployed before it was received ({ReceivedOn:yyyy-MM-dd}).");

        Status = AssetStatus.Deployed;
        CrossingPointCode = crossingPointCode;
        DeployedOn = deployedOn;
    }
}

/// <summary>The paper that moves custody from the supplier to logistics: what was accepted and rejected, by whom, when.</summary>
public sealed class GoodsReceivedNote
{
    private GoodsReceivedNote() { }

    public GoodsReceivedNote(Guid expectedDeliveryId, DateOnly receivedOn, string receivedBy, int acceptedQuantity, int rejectedQuantity, string? rejectionReason)
    {
        Id = Guid.NewGuid();
        ExpectedDeliveryId = expectedDeliveryId;
        ReceivedOn = receivedOn;
        ReceivedBy = receivedBy;
        AcceptedQuantity = acceptedQuantity;
        RejectedQuantity = rejectedQuantity;
        RejectionReason = rejectionReason;
    }

    public Guid Id { get; private set; }
    public Guid ExpectedDeliveryId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string ReceivedBy { get; private set; } = "";
    public int AcceptedQuantity { get; private set; }
    public int RejectedQuantity { get; private set; }
    public string? RejectionReason { get; private set; }
}
