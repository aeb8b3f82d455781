namespace Equipment.DonorReporting.Domain;

/// <summary>Who funds: the EU through a Commission directorate, or a member state co-funding an action.</summary>
public sealed class Donor
{
    private Donor() { }

    public Donor(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Stable short code, e.g. <c>EU-DGNEAR</c>; DonorMonitor tokens carry it.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
}
