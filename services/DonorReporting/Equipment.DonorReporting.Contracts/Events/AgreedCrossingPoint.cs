namespace Equipment.DonorReporting.Contracts;

/// <summary>A border crossing point named in the grant agreement. <c>Code</c> is stable and unique within the grant.</summary>
public sealed record AgreedCrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude)
{
    /// <summary>v2: the border authority that runs the crossing point, e.g. "Garde nationale (TN)".</summary>
    public string? Authority { get; init; }
}
