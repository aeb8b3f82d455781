namespace Equipment.BuildingBlocks.Contracts;

/// <summary>
/// The one rounding of a share shown to a person, for every service and client: a share (0.5385 for 53.85 %) as a
/// percentage with one decimal, on decimal arithmetic (so a double's binary tail never tips it down) and half away from
/// zero (7 of 13 is 53.9 %, never 53.8 %). Files for machines may keep the share's full precision.
/// </summary>
public static class Shares
{
    public static decimal Percent(double share) => Math.Round((decimal)share * 100m, 1, MidpointRounding.AwayFromZero);
}
