using Equipment.ApiClient;
using Equipment.Inventory.Contracts.Api;

namespace Equipment.Portal;

/// <summary>
/// The crossing points a user may see, to show each by its name, never its code: "Ras Ajdir", and in a list to choose
/// from "Ras Ajdir (Tunisia–Libya)", the countries by their names in the user's language (<see cref="Countries"/>). Read
/// from inventory's locations (<see cref="FromLocationsAsync"/>) or from the grants (<see cref="FromGrantsAsync"/>, which
/// every role may read); a code the user's grants do not know is shown as it is, never hidden.
/// </summary>
public sealed class CrossingPoints
{
    private readonly Dictionary<string, (string Name, string Country, string Neighbour)> _points;

    private CrossingPoints(IEnumerable<(string Code, string Name, string Country, string Neighbour)> points) =>
        _points = points.DistinctBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Code, p => (p.Name, p.Country, p.Neighbour), StringComparer.OrdinalIgnoreCase);

    /// <summary>None known: every code is shown as it is (a page that could not read them still works).</summary>
    public static CrossingPoints None { get; } = new([]);

    public static CrossingPoints Of(IEnumerable<KnownCrossingPoint> points) =>
        new(points.Select(p => (p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode)));

    public static CrossingPoints Of(IEnumerable<DonorReporting.Contracts.Api.CrossingPoint> points) =>
        new(points.Select(p => (p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode)));

    /// <summary>The crossing points of inventory's locations (logistics, maintenance, monitors, administrators); <see cref="None"/> when they cannot be read now.</summary>
    public static async Task<CrossingPoints> FromLocationsAsync(EquipmentApi api)
    {
        try
        {
            return Of((await api.Inventory.ListLocationsAsync()).CrossingPoints.Select(c => c.CrossingPoint));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            return None;
        }
    }

    /// <summary>The crossing points agreed in the grants the user may see, for a role that does not read inventory (procurement); <see cref="None"/> when they cannot be read now.</summary>
    public static async Task<CrossingPoints> FromGrantsAsync(EquipmentApi api)
    {
        try
        {
            return Of((await AllPages.ReadAsync((n, size) => api.Reporting.ListGrantsAsync(n, size))).SelectMany(g => g.CrossingPoints));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            return None;
        }
    }

    public bool Knows(string? code) => code is not null && _points.ContainsKey(code);

    /// <summary>"Ras Ajdir"; the code itself when it is not known; "" for none.</summary>
    public string Name(string? code) => code is null ? "" : _points.TryGetValue(code, out var p) ? p.Name : code;

    /// <summary>"Ras Ajdir (Tunisia–Libya)", for a list to choose from; the code itself when it is not known.</summary>
    public string Label(string code) =>
        _points.TryGetValue(code, out var p) ? $"{p.Name} ({Countries.Name(p.Country)}–{Countries.Name(p.Neighbour)})" : code;

    /// <summary>Each of <paramref name="codes"/> (or every point known) as a choice, the code sent and the label shown, in the order of their names.</summary>
    public IEnumerable<(string Code, string Label)> Choices(IEnumerable<string?>? codes = null) =>
        (codes ?? _points.Keys).Where(c => c is not null).Select(c => c!).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (c, Label(c))).OrderBy(c => c.Item2, StringComparer.CurrentCultureIgnoreCase);
}
