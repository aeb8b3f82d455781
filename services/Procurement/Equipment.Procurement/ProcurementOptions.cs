namespace Equipment.Procurement;

/// <summary><c>Procurement</c> configuration.</summary>
public sealed class ProcurementOptions
{
    /// <summary>Days between notifying the award proposal and deciding the award (PRAG standstill).</summary>
    public int StandstillDays { get; set; } = 10;
    /// <summary>The OCDS ocid prefix registered for the publisher (ocid = prefix-tenderId).</summary>
    public string OcidPrefix { get; set; } = "ocds-equip01";
    public string PublisherName { get; set; } = "Equipment: donor-funded border-management equipment";
    public string PublisherUri { get; set; } = "https://example.org/equipment";
}
