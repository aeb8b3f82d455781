using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Procurement.Contracts;

/// <summary>A signed contract was amended (quantities or delivery dates): its lines as they now stand, and its new version.</summary>
public sealed record ContractAmended(
    Guid ContractId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    int Version,
    DateOnly AmendedOn,
    string Reason,
    IReadOnlyList<ContractLineSigned> Lines) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "procurement.contract-amended";
}
