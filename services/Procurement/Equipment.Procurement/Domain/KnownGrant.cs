using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>Procurement's copy of a grant (owned by donor-reporting), fed by <c>reporting.grant-registered</c>.</summary>
public sealed class KnownGrant
{
    private KnownGrant() { }

    public KnownGrant(Guid grantId, string reference, string title, string donorCode, string implementingPartner, decimal amount,
        IReadOnlyList<string> crossingPointCodes, IReadOnlyList<string> eligibleNationalities, IReadOnlyList<BudgetLine> budgetLines)
    {
        GrantId = grantId;
        Reference = reference;
        Title = title;
        DonorCode = donorCode;
        ImplementingPartner = implementingPartner;
        Amount = amount;
        CrossingPointCodes = crossingPointCodes.ToList();
        EligibleNationalities = eligibleNationalities.ToList();
        BudgetLines = budgetLines.ToList();
    }

    public Guid GrantId { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string DonorCode { get; private set; } = "";
    public string ImplementingPartner { get; private set; } = "";
    public decimal Amount { get; private set; }
    public List<string> CrossingPointCodes { get; private set; } = [];
    public List<string> EligibleNationalities { get; private set; } = [];
    public List<BudgetLine> BudgetLines { get; private set; } = [];
    /// <summary>The agreement version this copy holds (1 at registration; each amendment adds one).</summary>
    public int Version { get; private set; } = 1;

    /// <summary>
    /// Takes an amended agreement unless this copy already holds a later one. Budget lines keep what is committed on
    /// them; a line cut below its commitments stays so (the donor decided), and further commitments on it are refused.
    /// </summary>
    public void Amended(int version, string title, decimal amount, string implementingPartner, IReadOnlyList<string> crossingPointCodes,
        IReadOnlyList<string> eligibleNationalities, IReadOnlyList<(string Code, string Description, decimal Amount)> budgetLines)
    {
        if (version <= Version) return;
        Version = version;
        Title = title;
        Amount = amount;
        ImplementingPartner = implementingPartner;
        CrossingPointCodes = crossingPointCodes.ToList();
        if (eligibleNationalities.Count > 0) EligibleNationalities = eligibleNationalities.ToList();
        foreach (var (code, description, lineAmount) in budgetLines)
        {
            var line = BudgetLines.FirstOrDefault(l => l.Code == code);
            if (line is null) BudgetLines.Add(new BudgetLine(GrantId, code, description, lineAmount));
            else line.Revised(description, lineAmount);
        }
    }

    public bool IsAgreedCrossingPoint(string code) => CrossingPointCodes.Contains(code);

    public BudgetLine BudgetLine(string code, string field) =>
        BudgetLines.FirstOrDefault(l => l.Code == code)
        ?? throw new RuleViolationException(field, "GrantBudgetLine",
            $"Grant {Reference} has no budget line '{code}' ({string.Join(", ", BudgetLines.Select(l => l.Code))}).");

    /// <summary>The instrument's nationality rule: a supplier established elsewhere may not bid.</summary>
    public void EnsureEligibleNationality(string country, string field)
    {
        if (!EligibleNationalities.Contains(country))
            throw new RuleViolationException(field, "EligibleNationality",
                $"A supplier established in {country} is not eligible under grant {Reference}: eligible nationalities are {string.Join(", ", EligibleNationalities)}.");
    }

    /// <summary>The instrument's origin rule: goods must originate in an eligible country.</summary>
    public void EnsureEligibleOrigin(string country, string field)
    {
        if (!EligibleNationalities.Contains(country))
            throw new RuleViolationException(field, "EligibleOrigin",
                $"Goods originating in {country} are not eligible under grant {Reference}: eligible origins are {string.Join(", ", EligibleNationalities)}.");
    }
}

/// <summary>
/// A grant budget line and what is committed on it: open requisitions at their estimate, awarded lots at their price.
/// Commitments can never exceed the line. <see cref="Committed"/> is a concurrency token, so two simultaneous
/// commitments cannot both pass the check.
/// </summary>
public sealed class BudgetLine
{
    private BudgetLine() { }

    public BudgetLine(Guid grantId, string code, string description, decimal amount)
    {
        GrantId = grantId;
        Code = code;
        Description = description;
        Amount = amount;
    }

    public Guid GrantId { get; private set; }
    public string Code { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal Amount { get; private set; }
    public decimal Committed { get; private set; }
    public decimal Available => Amount - Committed;

    /// <summary>Replaces a commitment of <paramref name="release"/> by one of <paramref name="commit"/>.</summary>
    public void Recommit(decimal release, decimal commit)
    {
        var after = Committed - release + commit;
        if (after > Amount)
            throw new ConflictException(
                $"Budget line {Code} ({Description}) of {Amount:N2} EUR has {Committed:N2} EUR committed; {commit - release:N2} EUR more would exceed it.",
                "BudgetLineNotExceeded");
        Committed = after;
    }

    public void Commit(decimal amount) => Recommit(0, amount);

    public void Revised(string description, decimal amount)
    {
        Description = description;
        Amount = amount;
    }
    public void Release(decimal amount) => Committed = Math.Max(0, Committed - amount);
}
