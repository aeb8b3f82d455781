using Equipment.BuildingBlocks.Errors;

namespace Equipment.DonorReporting.Domain;

public enum FundingInstrument { NdiciGlobalEurope, IpaIii, IpaIi, EuropeanNeighbourhoodInstrument, Bmvi, Amif, Isf }

/// <summary>The financed action: amount, period, beneficiary countries and the crossing points named in the agreement.</summary>
public sealed class Grant
{
    private readonly List<CrossingPoint> _crossingPoints = [];

    private Grant() { }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string DonorCode { get; private set; } = "";
    public FundingInstrument Instrument { get; private set; }
    public string ImplementingPartner { get; private set; } = "";
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public List<string> BeneficiaryCountries { get; private set; } = [];
    public IReadOnlyList<CrossingPoint> CrossingPoints => _crossingPoints;
    public DateTime RegisteredAt { get; private set; }

    public static Grant Register(
        string reference, string title, string donorCode, FundingInstrument instrument, string implementingPartner,
        decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<string> beneficiaryCountries,
        IReadOnlyList<CrossingPoint> crossingPoints, DateTime nowUtc)
    {
        if (amount <= 0)
            throw new RuleViolationException("amount", "GreaterThan", "The grant amount must be more than zero.");
        if (endDate <= startDate)
            throw new RuleViolationException("endDate", "AfterStartDate", $"The grant must end after it starts ({startDate:yyyy-MM-dd}).");
        if (beneficiaryCountries.Count == 0)
            throw new RuleViolationException("beneficiaryCountries", "NotEmpty", "A grant names at least one beneficiary country.");
        if (crossingPoints.Count == 0)
            throw new RuleViolationException("crossingPoints", "NotEmpty", "A grant names at least one agreed crossing point.");

        var duplicate = crossingPoints.GroupBy(p => p.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolationException("crossingPoints", "UniqueCode", $"Crossing point code '{duplicate.Key}' appears more than once.");
        for (var i = 0; i < crossingPoints.Count; i++)
        {
            var point = crossingPoints[i];
            if (!beneficiaryCountries.Contains(point.CountryCode))
                throw new RuleViolationException($"crossingPoints[{i}].countryCode", "BeneficiaryCountry",
                    $"Crossing point '{point.Code}' is in {point.CountryCode}, which is not a beneficiary country of the grant ({string.Join(", ", beneficiaryCountries)}).");
        }

        var grant = new Grant
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            Title = title,
            DonorCode = donorCode,
            Instrument = instrument,
            ImplementingPartner = implementingPartner,
            Amount = amount,
            StartDate = startDate,
            EndDate = endDate,
            BeneficiaryCountries = beneficiaryCountries.Distinct().ToList(),
            RegisteredAt = nowUtc,
        };
        grant._crossingPoints.AddRange(crossingPoints);
        return grant;
    }
}

/// <summary>An agreed border crossing point: stable code, the country pair it sits between, and where it is.</summary>
public sealed record CrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude);
