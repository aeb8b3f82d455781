using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Data;
using Equipment.Procurement.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Deliveries;

/// <summary>
/// An amended contract changes what logistics expects. Amendments may overtake the signature (no order): until the
/// contract's lines are expected, the amendment is redelivered later. A version older than one applied is ignored.
/// </summary>
public static class FollowContractAmendment
{
    public sealed class Handler(InventoryDbContext db) : IIntegrationEventHandler<ContractAmended>
    {
        public async Task HandleAsync(ContractAmended e, CancellationToken cancellationToken)
        {
            var expected = await db.ExpectedDeliveries.Where(d => d.ContractId == e.ContractId).ToListAsync(cancellationToken);
            if (expected.Count == 0)
                throw new EventOutOfOrderException($"contract {e.Reference} is amended but its signature has not arrived yet");
            if (expected.Any(d => d.ContractVersion >= e.Version)) return;
            foreach (var delivery in expected)
            {
                var line = e.Lines.FirstOrDefault(l => l.LineNumber == delivery.ContractLineNumber);
                if (line is not null) delivery.Amended(line.Quantity, line.DeliveryDeadline, e.Version);
            }
        }
    }
}
