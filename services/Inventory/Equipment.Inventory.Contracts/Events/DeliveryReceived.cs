using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>Goods were received against a contract line (a goods received note).</summary>
public sealed record DeliveryReceived(
    Guid GoodsReceivedNoteId,
    Guid ContractId,
    int ContractLineNumber,
    Guid GrantId,
    string DonorCode,
    DateOnly ReceivedOn,
    int AcceptedQuantity,
    int RejectedQuantity) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.delivery-received";
}
