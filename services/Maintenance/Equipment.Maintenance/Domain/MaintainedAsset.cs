namespace Equipment.Maintenance.Domain;

/// <summary>Maintenance's copy of an asset: what it is, its warranty, and where it is deployed.</summary>
public sealed class MaintainedAsset
{
    private MaintainedAsset() { }

    public MaintainedAsset(Guid assetId, string serialNumber, string itemCategory, string description, Guid grantId, Guid contractId, DateOnly warrantyEndsOn)
    {
        AssetId = assetId;
        SerialNumber = serialNumber;
        ItemCategory = itemCategory;
        Description = description;
        GrantId = grantId;
        ContractId = contractId;
        WarrantyEndsOn = warrantyEndsOn;
    }

    public Guid AssetId { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid GrantId { get; private set; }
    public Guid ContractId { get; private set; }
    public DateOnly WarrantyEndsOn { get; private set; }
    public string? CrossingPointCode { get; private set; }
    public DateOnly? DeployedOn { get; private set; }

    public bool IsUnderWarranty(DateOnly today) => today <= WarrantyEndsOn;

    public void DeployedAt(string crossingPointCode, DateOnly deployedOn)
    {
        if (DeployedOn is { } current && current > deployedOn) return;
        CrossingPointCode = crossingPointCode;
        DeployedOn = deployedOn;
    }
}
