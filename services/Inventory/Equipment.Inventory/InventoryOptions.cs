namespace Equipment.Inventory;

/// <summary><c>Inventory</c> configuration.</summary>
public sealed class InventoryOptions
{
    /// <summary>Days after receipt when goods count as accepted if no acceptance was recorded.</summary>
    public int DeemedAcceptanceDays { get; set; } = 30;
    /// <summary>
    /// The portal's public address (as a phone that scans a label reaches it): a QR label encodes
    /// <c>{PublicBaseUrl}/assets/{id}</c>, which the portal opens. The AppHost fills it with the gateway's address, or
    /// <c>--public-url</c>.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080/";
    /// <summary>How long an instance's claim on a CSV import runs (renewed as it progresses); a dead instance's import is taken over after it.</summary>
    public TimeSpan ImportClaimDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>An asset in service not seen (stock-take, verification) nor moved for more than this many days needs attention.</summary>
    public int NotSeenAfterDays { get; set; } = 180;
    /// <summary>How often an instance looks for imports accepted by another one (its own wake it at once).</summary>
    public TimeSpan ImportPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
