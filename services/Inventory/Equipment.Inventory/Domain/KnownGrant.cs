using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

/// <summary>Inventory's copy of a grant and its agreed crossing points, fed by <c>reporting.grant-registered</c>.</summary>
public sealed class KnownGrant
{
    private KnownGrant() { }

    public KnownGrant(Guid grantId, string reference, string donorCode, string implementingPartner, IReadOnlyList<KnownCrossingPoint> crossingPoints)
    {
        GrantId = grantId;
        Reference = reference;
        DonorCode = donorCode;
        ImplementingPartner = implementingPartner;
        CrossingPoints = crossingPoints.ToList();
    }

    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string DonorCode { get; private set; } = "";
    public string ImplementingPartner { get; private set; } = "";
    public List<KnownCrossingPoint> CrossingPoints { get; private set; } = [];
    /// <summary>The agreement version this copy holds (1 at registration; each amendment adds one).</summary>
    public int Version { get; private set; } = 1;

    /// <summary>Takes an amended agreement's crossing points unless this copy already holds a later version.</summary>
    public void Amended(int version, string implementingPartner, IReadOnlyList<KnownCrossingPoint> crossingPoints)
    {
        if (version <= Version) return;
        Version = version;
        ImplementingPartner = implementingPartner;
        CrossingPoints = crossingPoints.ToList();
    }

    /// <summary>Deployments go only to the crossing points named in the grant agreement: 409 listing them otherwise.</summary>
    public KnownCrossingPoint AgreedCrossingPoint(string code) =>
        CrossingPoints.FirstOrDefault(p => p.Code == code)
        ?? throw new ConflictException(
            $"'{code}' is not an agreed crossing point of grant {Reference}; the agreed ones are {string.Join(", ", CrossingPoints.Select(p => $"{p.Code} ({p.Name})"))}.",
            "AgreedCrossingPoint");
}


/// <summary>A warehouse of the implementing partner, where goods arrive before they are handed over and deployed.</summary>
public sealed class Warehouse
{
    private Warehouse() { }

    public Warehouse(string code, string name, string countryCode, string address)
    {
        Code = code;
        Name = name;
        CountryCode = countryCode;
        Address = address;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string Address { get; private set; } = "";
}
