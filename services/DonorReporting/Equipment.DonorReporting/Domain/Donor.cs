namespace Equipment.DonorReporting.Domain;

/// <summary>Who funds: the EU through a Commission directorate, or a member state co-funding an action.</summary>
public sealed class Donor
{
    private Donor() { }

    public Donor(string code, string name, string? iatiOrganisationId = null, string iatiOrganisationType = "10")
    {
        Code = code;
        Name = name;
        IatiOrganisationId = iatiOrganisationId;
        IatiOrganisationType = iatiOrganisationType;
    }

    /// <summary>Stable short code, e.g. <c>EU-DGNEAR</c>; DonorMonitor tokens carry it.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The donor's IATI organisation identifier (e.g. <c>XI-IATI-EC_NEAR</c>), the prefix of its activity identifiers.</summary>
    public string? IatiOrganisationId { get; private set; }
    /// <summary>IATI OrganisationType code: 10 government, 40 multilateral, …</summary>
    public string IatiOrganisationType { get; private set; } = "10";

    /// <summary>The reference IATI output uses: the registered identifier, else the donor's code.</summary>
    public string IatiReference => IatiOrganisationId ?? Code;
}
