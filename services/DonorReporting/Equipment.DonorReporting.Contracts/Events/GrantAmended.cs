using Equipment.DonorReporting.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.DonorReporting.Contracts;

/// <summary>
/// A grant agreement was amended: the agreement as it now stands at <c>Version</c> (2 for the first amendment).
/// Crossing points and budget lines are never removed by an amendment, only added or changed. Consumers apply a
/// version only if it is newer than the one they hold, and wait for the registration if it has not arrived.
/// </summary>
public sealed record GrantAmended(
    Guid GrantId,
    string Reference,
    string DonorCode,
    int Version,
    DateOnly EffectiveOn,
    string Reason,
    string Title,
    decimal Amount,
    string Currency,
    DateOnly EndDate,
    string ImplementingPartner,
    IReadOnlyList<CrossingPoint> CrossingPoints,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<string> EligibleNationalities) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "reporting.grant-amended";
}
