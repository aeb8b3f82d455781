using Equipment.BuildingBlocks.Errors;

namespace Equipment.DonorReporting.Domain;

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
    public List<BudgetLine> BudgetLines { get; private set; } = [];
    /// <summary>Nationalities eligible to bid, and origins eligible for goods, under the instrument's rules.</summary>
    public List<string> EligibleNationalities { get; private set; } = [];
    public DateTime RegisteredAt { get; private set; }
    /// <summary>1 when registered; each amendment adds one. Every version is kept as a <see cref="GrantVersion"/>.</summary>
    public int Version { get; private set; } = 1;
    public List<Indicator> Indicators { get; private set; } = [];

    public static Grant Register(
        string reference, string title, string donorCode, FundingInstrument instrument, string implementingPartner,
        decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<string> beneficiaryCountries,
        IReadOnlyList<CrossingPoint> crossingPoints, DateTime nowUtc,
        IReadOnlyList<BudgetLine>? budgetLines = null, IReadOnlyList<string>? eligibleNationalities = null, IReadOnlyList<Indicator>? indicators = null)
    {
        budgetLines ??= [];
        indicators ??= [];
        Check(amount, startDate, endDate, beneficiaryCountries, crossingPoints, budgetLines, indicators);

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
            BudgetLines = budgetLines.ToList(),
            EligibleNationalities = (eligibleNationalities is { Count: > 0 } ? eligibleNationalities : Eligibility.Default(instrument, beneficiaryCountries))
                .Distinct().Order().ToList(),
            Indicators = indicators.ToList(),
        };
        grant._crossingPoints.AddRange(crossingPoints);
        return grant;
    }

    /// <summary>
    /// Amends the agreement: what is given replaces what was, what is omitted stays. Agreed crossing points and budget
    /// lines may be added or changed but never removed (assets, requisitions and reports refer to their codes), and
    /// the version goes up by one.
    /// </summary>
    public void Amend(string? title, decimal? amount, DateOnly? endDate, string? implementingPartner,
        IReadOnlyList<CrossingPoint>? crossingPoints, IReadOnlyList<BudgetLine>? budgetLines, IReadOnlyList<Indicator>? indicators,
        IReadOnlyList<string>? eligibleNationalities)
    {
        var newPoints = crossingPoints ?? _crossingPoints;
        var newLines = budgetLines ?? BudgetLines;
        var removedPoint = _crossingPoints.Select(p => p.Code).Except(newPoints.Select(p => p.Code)).FirstOrDefault();
        if (removedPoint is not null)
            throw new RuleViolationException("crossingPoints", "KeepsAgreedCrossingPoints", $"Crossing point '{removedPoint}' is agreed in version {Version}; an amendment may add or change crossing points, not remove them.");
        var removedLine = BudgetLines.Select(l => l.Code).Except(newLines.Select(l => l.Code)).FirstOrDefault();
        if (removedLine is not null)
            throw new RuleViolationException("budgetLines", "KeepsBudgetLines", $"Budget line '{removedLine}' is in version {Version}; an amendment may add or change budget lines, not remove them.");
        var newIndicators = indicators ?? Indicators;
        Check(amount ?? Amount, StartDate, endDate ?? EndDate, BeneficiaryCountries, newPoints, newLines, newIndicators);

        Title = title ?? Title;
        Amount = amount ?? Amount;
        EndDate = endDate ?? EndDate;
        ImplementingPartner = implementingPartner ?? ImplementingPartner;
        if (crossingPoints is not null)
        {
            _crossingPoints.Clear();
            _crossingPoints.AddRange(crossingPoints);
        }
        BudgetLines = newLines.ToList();
        Indicators = newIndicators.ToList();
        if (eligibleNationalities is { Count: > 0 }) EligibleNationalities = eligibleNationalities.Distinct().Order().ToList();
        Version++;
    }

    private static void Check(decimal amount, DateOnly startDate, DateOnly endDate, IReadOnlyList<string> beneficiaryCountries,
        IReadOnlyList<CrossingPoint> crossingPoints, IReadOnlyList<BudgetLine> budgetLines, IReadOnlyList<Indicator> indicators)
    {
        if (amount <= 0)
            throw new RuleViolationException("amount", "GreaterThan", "The grant amount must be more than zero.");
        if (endDate <= startDate)
            throw new RuleViolationException("endDate", "AfterStartDate", $"The grant must end after it starts ({startDate:yyyy-MM-dd}).");
        if (beneficiaryCountries.Count == 0)
            throw new RuleViolationException("beneficiaryCountries", "NotEmpty", "A grant names at least one beneficiary country.");
        if (crossingPoints.Count == 0)
            throw new RuleViolationException("crossingPoints", "NotEmpty", "A grant names at least one agreed crossing point.");

        if (budgetLines.Sum(l => l.Amount) > amount)
            throw new RuleViolationException("budgetLines", "WithinGrantAmount",
                $"The budget lines add up to {budgetLines.Sum(l => l.Amount):N2}, more than the grant's {amount:N2}.");
        var duplicateLine = budgetLines.GroupBy(l => l.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicateLine is not null)
            throw new RuleViolationException("budgetLines", "UniqueCode", $"Budget line code '{duplicateLine.Key}' appears more than once.");

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

        var duplicateIndicator = indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicateIndicator is not null)
            throw new RuleViolationException("indicators", "UniqueCode", $"Indicator code '{duplicateIndicator.Key}' appears more than once.");
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            if (indicator.Measure == IndicatorMeasure.Percentage && (indicator.Baseline is < 0 or > 100 || indicator.Target is < 0 or > 100))
                throw new RuleViolationException($"indicators[{i}]", "PercentageRange", $"Indicator '{indicator.Code}' is a percentage: baseline and target lie between 0 and 100.");
            if (indicator.BaselineYear > indicator.TargetYear)
                throw new RuleViolationException($"indicators[{i}].targetYear", "NotBeforeBaseline", $"Indicator '{indicator.Code}' sets its target ({indicator.TargetYear}) before its baseline ({indicator.BaselineYear}).");
        }
    }
}

/// <summary>
/// Who may bid and where goods may come from, when the grant does not say otherwise: the EU member states, the EEA
/// countries and the grant's beneficiary countries. The instruments' full rules (NDICI, IPA III) open wider; a grant
/// lists its own eligible nationalities to follow them exactly.
/// </summary>
public static class Eligibility
{
    public static readonly string[] EuMemberStates =
        ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

    public static readonly string[] Eea = ["IS", "LI", "NO"];

    public static IEnumerable<string> Default(FundingInstrument instrument, IEnumerable<string> beneficiaryCountries) =>
        EuMemberStates.Concat(Eea).Concat(beneficiaryCountries);
}

/// <summary>
/// A grant's budget as IATI's data-quality rules want it: consecutive periods of at most one year (from the grant's
/// start, each ending the day before the next anniversary, the last on the grant's end), the amount shared pro rata by
/// days, rounded to the cent, the last period taking what rounding left so the periods add up to the grant exactly.
/// </summary>
public static class BudgetPeriods
{
    public sealed record Period(DateOnly Start, DateOnly End, decimal Amount);

    public static IReadOnlyList<Period> Split(DateOnly start, DateOnly end, decimal amount)
    {
        var bounds = new List<(DateOnly Start, DateOnly End)>();
        for (var from = start; from <= end; from = from.AddYears(1))
        {
            var to = from.AddYears(1).AddDays(-1);
            bounds.Add((from, to < end ? to : end));
        }
        var totalDays = end.DayNumber - start.DayNumber + 1;
        var periods = new List<Period>();
        var left = amount;
        for (var i = 0; i < bounds.Count; i++)
        {
            var share = i == bounds.Count - 1 ? left
                : Math.Round(amount * (bounds[i].End.DayNumber - bounds[i].Start.DayNumber + 1) / totalDays, 2, MidpointRounding.AwayFromZero);
            periods.Add(new Period(bounds[i].Start, bounds[i].End, share));
            left -= share;
        }
        return periods;
    }
}
