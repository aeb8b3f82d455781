namespace Equipment.Procurement.Domain;

/// <summary>A company that may bid: where it is established decides whether it is eligible under a grant's instrument.</summary>
public sealed class Supplier
{
    private Supplier() { }

    public Supplier(string legalName, string countryOfEstablishment, string registrationNumber, string contactName, string contactEmail, string? contactPhone)
    {
        Id = Guid.NewGuid();
        LegalName = legalName;
        CountryOfEstablishment = countryOfEstablishment;
        RegistrationNumber = registrationNumber;
        ContactName = contactName;
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
    }

    public Guid Id { get; private set; }
    public string LegalName { get; private set; } = "";
    public string CountryOfEstablishment { get; private set; } = "";
    public string RegistrationNumber { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public string? ContactPhone { get; private set; }
}
