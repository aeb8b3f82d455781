using Equipment.BuildingBlocks.Contracts;

namespace Equipment.DonorReporting.Contracts;

/// <summary>
/// A monitor's end-use verification visit at a crossing point, with a finding per asset seen (or not found).
/// Inventory keeps the findings in each asset's passport. Donor-reporting starts publishing it with its issue.
/// </summary>
public sealed record VerificationRecorded(
    Guid VisitId,
    Guid GrantId,
    string CrossingPointCode,
    DateOnly VisitedOn,
    string Monitor,
    IReadOnlyList<AssetFinding> Findings) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "reporting.verification-recorded";
}
