using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>
/// The committee that opens and evaluates a tender's bids (PRAG): a chair and a secretary, who do not vote, and an odd
/// number of voting evaluators, at least the edition's minimum (three). Each member has signed a declaration of
/// impartiality and confidentiality, on a day that has come; nobody sits on it twice, and neither the chair nor the
/// secretary is also an evaluator. Built only through <see cref="Form"/>, so a recorded committee is always complete.
/// </summary>
public sealed partial class EvaluationCommittee
{
    /// <summary>PRAG's floor when an edition does not state its own.</summary>
    public const int DefaultMinimumEvaluators = 3;

    private EvaluationCommittee() { }

    public CommitteeMember Chair { get; private set; } = null!;
    public CommitteeMember Secretary { get; private set; } = null!;
    public List<CommitteeMember> Evaluators { get; private set; } = [];
    public DateTime RecordedAt { get; private set; }

    /// <summary>Checks a committee as recorded; a refusal names the field (<c>evaluators</c>, <c>chair.declarationSignedOn</c>, <c>evaluators[2].name</c> …) and the rule.</summary>
    public static EvaluationCommittee Form(CommitteeMemberInput? chair, CommitteeMemberInput? secretary, IReadOnlyList<CommitteeMemberInput?>? evaluators,
        int minimumEvaluators, string edition, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var members = new List<(string Field, string Role, CommitteeMemberInput? Input)> { ("chair", "The chair", chair), ("secretary", "The secretary", secretary) };
        evaluators ??= [];
        for (var i = 0; i < evaluators.Count; i++) members.Add(($"evaluators[{i}]", $"Evaluator {i + 1}", evaluators[i]));

        foreach (var (field, role, input) in members)
        {
            if (input is null)
                throw new RuleViolationException(field, "Required", $"{role} of the evaluation committee is missing.");
            if (string.IsNullOrWhiteSpace(input.Name))
                throw new RuleViolationException($"{field}.name", "Required", $"{role} of the evaluation committee has no name.");
            if (input.DeclarationSignedOn is not { } signed)
                throw new RuleViolationException($"{field}.declarationSignedOn", "DeclarationSigned",
                    $"{role}, {Clean(input.Name)}, has not signed the declaration of impartiality and confidentiality: every member signs it before the bids are opened.");
            if (signed > today)
                throw new RuleViolationException($"{field}.declarationSignedOn", "NotInFuture",
                    $"{role}, {Clean(input.Name)}, signed the declaration on {signed:yyyy-MM-dd}, a day that has not come.");
        }

        if (evaluators.Count < minimumEvaluators)
            throw new RuleViolationException("evaluators", "MinimumEvaluators",
                $"An evaluation committee has at least {minimumEvaluators} voting evaluators ({edition}); {Count(evaluators.Count)} named.");
        if (evaluators.Count % 2 == 0)
            throw new RuleViolationException("evaluators", "OddNumberOfEvaluators",
                $"An evaluation committee has an odd number of voting evaluators, so that a vote cannot tie ({edition}); {Count(evaluators.Count)} named.");

        var chairKey = Key(chair!.Name);
        var secretaryKey = Key(secretary!.Name);
        if (secretaryKey == chairKey)
            throw new RuleViolationException("secretary.name", "PersonOnce", $"{Clean(secretary.Name)} is already the chair; the secretary is another person.");
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < evaluators.Count; i++)
        {
            var name = evaluators[i]!.Name;
            var key = Key(name);
            if (key == chairKey)
                throw new RuleViolationException($"evaluators[{i}].name", "NonVotingChair", $"{Clean(name)} chairs the committee, and the chair does not vote: an evaluator is another person.");
            if (key == secretaryKey)
                throw new RuleViolationException($"evaluators[{i}].name", "NonVotingSecretary", $"{Clean(name)} is the committee's secretary, who does not vote: an evaluator is another person.");
            if (seen.TryGetValue(key, out var first))
                throw new RuleViolationException($"evaluators[{i}].name", "PersonOnce", $"{Clean(name)} is already evaluator {first + 1}; each person sits on the committee once.");
            seen[key] = i;
        }

        return new EvaluationCommittee
        {
            Chair = Member(chair),
            Secretary = Member(secretary),
            Evaluators = evaluators.Select(e => Member(e!)).ToList(),
            RecordedAt = nowUtc,
        };

        static string Count(int n) => n == 1 ? "1 is" : $"{n} are";
    }

    private static CommitteeMember Member(CommitteeMemberInput input) =>
        new(Clean(input.Name), string.IsNullOrWhiteSpace(input.Position) ? null : Clean(input.Position), input.DeclarationSignedOn!.Value);

    /// <summary>Names as people type them: spaces trimmed and collapsed.</summary>
    private static string Clean(string text) => Spaces().Replace(text.Trim(), " ");

    /// <summary>The same person however the name was typed: spaces and case aside.</summary>
    private static string Key(string name) => Clean(name).ToUpperInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
