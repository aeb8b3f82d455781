using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Procurement.Contracts;

/// <summary>A tender, or some of its lots, was cancelled with a reason.</summary>
public sealed record TenderCancelled(
    Guid TenderId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    IReadOnlyList<int> LotNumbers,
    string Reason) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "procurement.tender-cancelled";
}
