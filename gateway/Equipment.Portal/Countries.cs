using System.Globalization;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Portal;

/// <summary>
/// The countries a user chooses from, by name in the user's language, with their ISO 3166-1 alpha-2 code as the value sent
/// (<see cref="CountryNames"/>). Kosovo carries the designation note wherever it is listed.
/// </summary>
public static class Countries
{
    /// <summary>The code whose listing carries <see cref="KosovoNote"/>.</summary>
    public const string Kosovo = "XK";

    public const string KosovoNote =
        "This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.";

    private static readonly Dictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted =
        PortalLanguages.Offered.ToDictionary(l => l.Code, l => (IReadOnlyList<(string, string)>)CountryNames.In(l.Code).Select(c => (c.Key, c.Value))
            .OrderBy(c => c.Value, StringComparer.Create(CultureInfo.GetCultureInfo(l.Code), CompareOptions.IgnoreCase)).ToList());

    /// <summary>Every country, sorted by its name in the current UI language (English when the portal does not speak it).</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Sorted.GetValueOrDefault(PortalLanguages.Current) ?? Sorted["en"];

    /// <summary>The country's name in the current UI language, or the code itself when it is not an ISO 3166-1 code.</summary>
    public static string Name(string? code) => CountryNames.Of(code, PortalLanguages.Current);

    /// <summary>Whether <paramref name="code"/> is an ISO 3166-1 alpha-2 code the list knows.</summary>
    public static bool Known(string? code) => CountryNames.Known(code);
}
