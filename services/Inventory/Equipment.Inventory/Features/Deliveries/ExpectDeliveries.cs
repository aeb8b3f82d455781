using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Procurement.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Deliveries;

/// <summary>A signed contract becomes one expected delivery per line.</summary>
public static class ExpectDeliveries
{
    public sealed class Handler(InventoryDbContext db) : IIntegrationEventHandler<ContractSigned>
    {
        public async Task HandleAsync(ContractSigned e, CancellationToken cancellationToken)
        {
            var known = await db.ExpectedDeliveries
                .Where(d => d.ContractId == e.ContractId)
                .Select(d => d.ContractLineNumber)
                .ToListAsync(cancellationToken);
            foreach (var line in e.Lines.Where(l => !known.Contains(l.LineNumber)))
            {
                db.ExpectedDeliveries.Add(ExpectedDelivery.ForContractLine(
                    e.ContractId, e.Reference, line.LineNumber, e.GrantId, e.DonorCode, e.SupplierName,
                    line.ItemCategory, line.Description, line.Quantity, line.UnitPrice, e.Currency,
                    line.DestinationCrossingPointCode, line.DestinationWarehouse, line.DeliveryDeadline, line.WarrantyMonths, e.SignedOn, e.TenderId, e.TenderReference));
            }
        }
    }
}
