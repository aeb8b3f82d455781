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

    public ProcedureRuleSet(string edition, DateOnly effectiveFrom, IReadOnlyList<ProcedureRule> rules)
    {
        Edition = edition;
        EffectiveFrom = effectiveFrom;
        Rules = rules.OrderByDescending(r => r.FromValue).ToList();
    }

    public string Edition { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public List<ProcedureRule> Rules { get; private set; } = [];

    /// <summary>The procedure for an estimated value: the rule with the highest threshold the value reaches.</summary>
    public ProcedureRule For(decimal estimatedValue) =>
        Rules.OrderByDescending(r => r.FromValue).First(r => estimatedValue >= r.FromValue);

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
