namespace Equipment.Inventory;

/// <summary><c>Inventory</c> configuration.</summary>
public sealed class InventoryOptions
{
    /// <summary>Days after receipt when goods count as accepted if no acceptance was recorded.</summary>
    public int DeemedAcceptanceDays { get; set; } = 30;
    /// <summary>Where a QR label points: the asset's page, {0} replaced by its id.</summary>
    public string LabelUrlFormat { get; set; } = "https://example.org/equipment/assets/{0}";
}
