using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;

namespace Equipment.Procurement.Features.Deliveries;

/// <summary>Keeps each goods received note as a delivery milestone of its contract, for the OCDS implementation stage.</summary>
public static class RecordDelivery
{
    public sealed class Handler(ProcurementDbContext db) : IIntegrationEventHandler<DeliveryReceived>
    {
        public async Task HandleAsync(DeliveryReceived e, CancellationToken cancellationToken)
        {
            if (await db.DeliveryMilestones.FindAsync([e.GoodsReceivedNoteId], cancellationToken) is not null) return;
            db.DeliveryMilestones.Add(new DeliveryMilestone(e.GoodsReceivedNoteId, e.ContractId, e.ContractLineNumber, e.ReceivedOn, e.AcceptedQuantity, e.RejectedQuantity));
        }
    }
}
