using System.Text.Json;

namespace Equipment.BuildingBlocks.Contracts;

/// <summary>
/// Country names by ISO 3166-1 alpha-2 code in English, French and Arabic (names from i18n-iso-countries,
/// <c>Countries/README.md</c>), for the portal's pickers and lists and the services' printable documents.
/// </summary>
public static class CountryNames
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "ar"];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Names = Languages.ToDictionary(l => l, Load);

    /// <summary>Every country's code and name in <paramref name="language"/> (English when it is not one of <see cref="Languages"/>).</summary>
    public static IReadOnlyDictionary<string, string> In(string? language) => Names.GetValueOrDefault(language ?? "en") ?? Names["en"];

    /// <summary>The country's name in <paramref name="language"/>, or the code itself when it is not an ISO 3166-1 code.</summary>
    public static string Of(string? code, string? language) => code is null ? "" : In(language).GetValueOrDefault(code.ToUpperInvariant(), code);

    /// <summary>Whether <paramref name="code"/> is an ISO 3166-1 alpha-2 code the list knows.</summary>
    public static bool Known(string? code) => code is not null && Names["en"].ContainsKey(code.ToUpperInvariant());

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(CountryNames).Assembly.GetManifestResourceStream($"Equipment.Countries.{language}.json")
            ?? throw new InvalidOperationException($"The country names in '{language}' are not embedded.");
        using var json = JsonDocument.Parse(stream);
        // A name is a string, or a list whose first entry is the official short name (as i18n-iso-countries' getName answers).
        return json.RootElement.GetProperty("countries").EnumerateObject().ToDictionary(c => c.Name,
            c => c.Value.ValueKind == JsonValueKind.Array ? c.Value[0].GetString()! : c.Value.GetString()!);
    }
}
