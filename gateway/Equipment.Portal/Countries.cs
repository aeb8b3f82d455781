using System.Globalization;
using System.Text.Json;

namespace Equipment.Portal;

/// <summary>
/// The countries a user chooses from, by name in the user's language, with their ISO 3166-1 alpha-2 code as the value sent
/// (names from i18n-iso-countries, <c>Countries/README.md</c>). Kosovo carries the designation note wherever it is listed.
/// </summary>
public static class Countries
{
    /// <summary>The code whose listing carries <see cref="KosovoNote"/>.</summary>
    public const string Kosovo = "XK";

    public const string KosovoNote =
        "This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Names =
        PortalLanguages.Offered.ToDictionary(l => l.Code, l => Load(l.Code));

    private static readonly Dictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted =
        Names.ToDictionary(n => n.Key, n => (IReadOnlyList<(string, string)>)n.Value.Select(c => (c.Key, c.Value))
            .OrderBy(c => c.Value, StringComparer.Create(CultureInfo.GetCultureInfo(n.Key), CompareOptions.IgnoreCase)).ToList());

    /// <summary>Every country, sorted by its name in the current UI language (English when the portal does not speak it).</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Sorted.GetValueOrDefault(PortalLanguages.Current) ?? Sorted["en"];

    /// <summary>The country's name in the current UI language, or the code itself when it is not an ISO 3166-1 code.</summary>
    public static string Name(string? code) =>
        code is null ? "" : (Names.GetValueOrDefault(PortalLanguages.Current) ?? Names["en"]).GetValueOrDefault(code.ToUpperInvariant(), code);

    /// <summary>Whether <paramref name="code"/> is an ISO 3166-1 alpha-2 code the list knows.</summary>
    public static bool Known(string? code) => code is not null && Names["en"].ContainsKey(code.ToUpperInvariant());

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream($"Equipment.Portal.Countries.{language}.json")
            ?? throw new InvalidOperationException($"The country names in '{language}' are not embedded in the portal.");
        using var json = JsonDocument.Parse(stream);
        // A name is a string, or a list whose first entry is the official short name (as i18n-iso-countries' getName answers).
        return json.RootElement.GetProperty("countries").EnumerateObject().ToDictionary(c => c.Name,
            c => c.Value.ValueKind == JsonValueKind.Array ? c.Value[0].GetString()! : c.Value.GetString()!);
    }
}
