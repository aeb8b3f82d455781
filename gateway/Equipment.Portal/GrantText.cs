using System.Globalization;
using Equipment.DonorReporting.Contracts.Api;

namespace Equipment.Portal;

/// <summary>
/// The lists of a grant typed one item a line, fields separated by ';', read into the service's request. Nothing is
/// checked here: a missing or unreadable field is sent empty, and the service's refusal names its line and field.
/// </summary>
public static class GrantText
{
    public static IReadOnlyList<CrossingPointInput> CrossingPoints(string? text) =>
        Lines(text).Select(f => new CrossingPointInput(At(f, 0), At(f, 1), At(f, 2).ToUpperInvariant(), At(f, 3).ToUpperInvariant(), Number(At(f, 4)), Number(At(f, 5)),
            At(f, 6) is { Length: > 0 } authority ? authority : null)).ToList();

    public static IReadOnlyList<BudgetLineInput> BudgetLines(string? text) =>
        Lines(text).Select(f => new BudgetLineInput(At(f, 0), At(f, 1), Money(At(f, 2)))).ToList();

    private static IEnumerable<string[]> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(';', StringSplitOptions.TrimEntries));

    private static string At(string[] fields, int i) => i < fields.Length ? fields[i] : "";

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static decimal? Money(string text) =>
        decimal.TryParse(text.Replace(" ", "").Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
