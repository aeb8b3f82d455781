namespace Equipment.DonorReporting.Contracts;

public static class ReportingTopics
{
    public const string GrantRegistered = "reporting.grant-registered";
}

/// <summary>A grant (action) was registered with its agreed crossing points. Procurement and inventory keep copies.</summary>
public sealed record GrantRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid GrantId,
    string Reference,
    string Title,
    string DonorCode,
    string Instrument,
    decimal Amount,
    string Currency,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> BeneficiaryCountries,
    IReadOnlyList<AgreedCrossingPoint> CrossingPoints);

/// <summary>A border crossing point named in the grant agreement. <c>Code</c> is stable and unique within the grant.</summary>
public sealed record AgreedCrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude);
