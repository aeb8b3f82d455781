namespace Equipment.Inventory.Domain;

/// <summary>Inventory's copy of a grant's agreed crossing points, fed by <c>reporting.grant-registered</c>.</summary>
public sealed class KnownGrant
{
    private KnownGrant() { }

    public KnownGrant(Guid grantId, string reference, string donorCode, IReadOnlyList<string> crossingPointCodes)
    {
        GrantId = grantId;
        Reference = reference;
        DonorCode = donorCode;
        CrossingPointCodes = crossingPointCodes.ToList();
    }

    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string DonorCode { get; private set; } = "";
    public List<string> CrossingPointCodes { get; private set; } = [];
}
