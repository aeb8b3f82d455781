namespace Equipment.Procurement.Domain;

/// <summary>Procurement's copy of a grant (owned by donor-reporting), fed by <c>reporting.grant-registered</c>.</summary>
public sealed class KnownGrant
{
    private KnownGrant() { }

    public KnownGrant(Guid grantId, string reference, string donorCode, decimal amount, IReadOnlyList<string> crossingPointCodes)
    {
        GrantId = grantId;
        Reference = reference;
        DonorCode = donorCode;
        Amount = amount;
        CrossingPointCodes = crossingPointCodes.ToList();
    }

    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string DonorCode { get; private set; } = "";
    public decimal Amount { get; private set; }
    public List<string> CrossingPointCodes { get; private set; } = [];

    public bool IsAgreedCrossingPoint(string code) => CrossingPointCodes.Contains(code);
}
