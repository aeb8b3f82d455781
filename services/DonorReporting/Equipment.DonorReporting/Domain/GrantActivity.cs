namespace Equipment.DonorReporting.Domain;

/// <summary>Reporting's copy of a signed contract, fed by <c>procurement.contract-signed</c>.</summary>
public sealed class SignedContract
{
    private SignedContract() { }

    public SignedContract(Guid contractId, Guid grantId, string reference, string supplierName, DateOnly signedOn, decimal value, int units)
    {
        ContractId = contractId;
        GrantId = grantId;
        Reference = reference;
        SupplierName = supplierName;
        SignedOn = signedOn;
        Value = value;
        Units = units;
    }

    public Guid ContractId { get; private set; }
    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public DateOnly SignedOn { get; private set; }
    public decimal Value { get; private set; }
    public int Units { get; private set; }
}

/// <summary>
/// Reporting's copy of one asset, fed by inventory's events. Events arrive in any order: registration fills the
/// description, deployment the place, and neither undoes the other.
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
    public decimal? UnitValue { get; private set; }
    public string? CrossingPointCode { get; private set; }
    public DateOnly? DeployedOn { get; private set; }
    /// <summary>Disposed, Lost or Stolen: it no longer counts as deployed.</summary>
    public string? Disposal { get; private set; }

    public void Disposed(string kind)
    {
        Disposal = kind;
        CrossingPointCode = null;
    }

    public void Registered(string serialNumber, string itemCategory, decimal unitValue)
    {
        SerialNumber = serialNumber;
        ItemCategory = itemCategory;
        UnitValue = unitValue;
    }

    /// <summary>Keeps the latest deployment: a late, older deployment event does not move the asset back.</summary>
    public void Deployed(string crossingPointCode, DateOnly deployedOn)
    {
        if (Disposal is not null || (DeployedOn is { } current && current > deployedOn)) return;
        CrossingPointCode = crossingPointCode;
        DeployedOn = deployedOn;
    }
}
