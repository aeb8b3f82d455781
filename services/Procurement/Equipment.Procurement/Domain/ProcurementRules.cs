using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

public static class ProcedureCodes
{
    /// <summary>The OCDS <c>method</c> code of a procedure.</summary>
    public static string OcdsMethod(this Procedure procedure) => procedure switch
    {
        Procedure.InternationalOpenTender or Procedure.LocalOpenProcedure => "open",
        Procedure.CompetitiveNegotiatedProcedure => "limited",
        _ => "direct",
    };
}

/// <summary>
/// A PRAG edition's supply procedures, stored as data: which procedure applies from which estimated value, the minimum
/// submission period and the minimum number of invited suppliers. A tender records the edition it was built under.
/// </summary>
public sealed class ProcedureRuleSet
{
    private ProcedureRuleSet() { }

    public ProcedureRuleSet(string edition, DateOnly effectiveFrom, IReadOnlyList<ProcedureRule> rules,
        decimal? paymentAgainstInvoiceUpTo = null, string? paymentAgainstInvoiceSection = null, string? source = null,
        int? minimumVotingEvaluators = null, string? evaluationCommitteeSection = null)
    {
        Edition = edition;
        EffectiveFrom = effectiveFrom;
        Rules = rules.OrderByDescending(r => r.FromValue).ToList();
        PaymentAgainstInvoiceUpTo = paymentAgainstInvoiceUpTo;
        PaymentAgainstInvoiceSection = paymentAgainstInvoiceSection;
        Source = source;
        MinimumVotingEvaluators = minimumVotingEvaluators;
        EvaluationCommitteeSection = evaluationCommitteeSection;
    }

    public string Edition { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public List<ProcedureRule> Rules { get; private set; } = [];

    /// <summary>Up to and including this value a purchase may simply be paid against an invoice, without a tender.</summary>
    public decimal? PaymentAgainstInvoiceUpTo { get; private set; }
    public string? PaymentAgainstInvoiceSection { get; private set; }

    /// <summary>Where the figures were read, and what could not be confirmed there.</summary>
    public string? Source { get; private set; }

    /// <summary>
    /// The evaluation committee the edition asks for before any bid is opened, for every procedure: a non-voting chair
    /// and secretary and an odd number, at least this many, of voting evaluators, each with a signed declaration of
    /// impartiality and confidentiality. Null: the edition, as stored here, asks for none (tenders built under it open without).
    /// </summary>
    public int? MinimumVotingEvaluators { get; private set; }
    public string? EvaluationCommitteeSection { get; private set; }

    /// <summary>The procedure for an estimated value: the rule with the highest threshold the value reaches.</summary>
    public ProcedureRule For(decimal estimatedValue) =>
        Rules.OrderByDescending(r => r.FromValue).First(r => r.Applies(estimatedValue));

    public ProcedureRule For(Procedure procedure) => Rules.Single(r => r.Procedure == procedure);

    /// <summary>
    /// PRAG 2021.1 (supplies, chapter 4): international open tender from €300,000; local open procedure from €100,000;
    /// competitive negotiated procedure from €20,000 with at least 3 invited suppliers; single tender below.
    /// </summary>
    public static ProcedureRuleSet Prag2021 => new("PRAG 2021.1 — supply contracts (chapter 4)", new DateOnly(2021, 1, 1),
    [
        new ProcedureRule(Procedure.InternationalOpenTender, 300_000m, MinimumSubmissionDays: 30, MinimumInvitedSuppliers: 0),
        new ProcedureRule(Procedure.LocalOpenProcedure, 100_000m, MinimumSubmissionDays: 30, MinimumInvitedSuppliers: 0),
        new ProcedureRule(Procedure.CompetitiveNegotiatedProcedure, 20_000m, MinimumSubmissionDays: 30, MinimumInvitedSuppliers: 3),
        new ProcedureRule(Procedure.SingleTender, 0m, MinimumSubmissionDays: 0, MinimumInvitedSuppliers: 1),
    ]);

    public const string Prag2024Edition = "PRAG 2021/2024, corrected — supply contracts (section 4)";

    /// <summary>
    /// The current edition, correcting 2021.1: a single tender up to and including €20,000 (the competitive negotiated
    /// procedure, "simplified" in the online guide, only above it), 60 days for an international open tender, payment
    /// against invoice up to €2,500, and an evaluation committee (a non-voting chair and secretary, at least three voting
    /// evaluators, an odd number, each with a signed declaration) recorded before the bids are opened. Applied here to
    /// tenders created from 2026-12-01; older tenders keep 2021.1.
    /// </summary>
    public static ProcedureRuleSet Prag2024 => new(Prag2024Edition, new DateOnly(2026, 12, 1),
    [
        new ProcedureRule(Procedure.InternationalOpenTender, 300_000m, MinimumSubmissionDays: 60, MinimumInvitedSuppliers: 0,
            PragSection: "4.3 International open procedure", PeriodRunsFrom: "publication of the contract notice"),
        new ProcedureRule(Procedure.LocalOpenProcedure, 100_000m, MinimumSubmissionDays: 30, MinimumInvitedSuppliers: 0,
            PragSection: "4.4 Local open procedure", PeriodRunsFrom: "publication of the contract notice"),
        new ProcedureRule(Procedure.CompetitiveNegotiatedProcedure, 20_000m, MinimumSubmissionDays: 30, MinimumInvitedSuppliers: 3, FromValueExclusive: true,
            PragSection: "4.5 Competitive negotiated (simplified) procedure", PeriodRunsFrom: "dispatch of the letters of invitation"),
        new ProcedureRule(Procedure.SingleTender, 0m, MinimumSubmissionDays: 0, MinimumInvitedSuppliers: 1,
            PragSection: "4.6 Single tender", PeriodRunsFrom: null),
    ],
        paymentAgainstInvoiceUpTo: 2_500m, paymentAgainstInvoiceSection: "4.6 Single tender (low-value purchases: payment against invoice)",
        source: "Confirmed from the Commission's online PRAG, section 4.5 (ec.europa.eu/europeaid/prag): competitive negotiated procedure under EUR 100 000, " +
                "at least three invited firms, at least 30 days from the dispatch of the letter of invitation; single tender for EUR 20 000 or less; " +
                "payment against invoice for EUR 2 500 or less. Not confirmed from a primary source here: the 60 and 30 days of sections 4.3 and 4.4, " +
                "and the section numbers of the 2021/2024 text. The evaluation committee (a non-voting chair and secretary, an odd number of at least three " +
                "voting evaluators, each signing a declaration of impartiality and confidentiality) is as issue 15 states it and as PRAG's chapter 2 " +
                "(basic rules) describes it; not confirmed here: its section number in this edition, and whether a single tender is exempt (it is required " +
                "for every procedure of this edition).",
        minimumVotingEvaluators: EvaluationCommittee.DefaultMinimumEvaluators, evaluationCommitteeSection: "Chapter 2, basic rules: the evaluation committee");

    /// <summary>Every edition the service knows, oldest first.</summary>
    public static IReadOnlyList<ProcedureRuleSet> Known => [Prag2021, Prag2024];
}

/// <summary>The reference list of what border-management actions buy.</summary>
public static class ItemCategories
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["ThermalCamera"] = "Thermal imaging camera",
        ["DayNightCamera"] = "Day/night surveillance camera",
        ["PatrolVehicle"] = "Patrol vehicle",
        ["DocumentExaminationKit"] = "Document examination kit",
        ["Radio"] = "Radio communication equipment",
        ["Boat"] = "Patrol boat",
        ["SurveillanceSensor"] = "Surveillance sensor",
        ["RiskAnalysisIt"] = "IT equipment for risk analysis",
        ["NightVisionDevice"] = "Night-vision device",
    };

    public static void EnsureKnown(string category, string field)
    {
        if (!All.ContainsKey(category))
            throw new RuleViolationException(field, "ItemCategory", $"'{category}' is not an item category ({string.Join(", ", All.Keys)}).");
    }
}
