using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Procurement.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Counts a signed contract against its grant.</summary>
public static class TrackSignedContract
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<ContractSigned>
    {
        public async Task HandleAsync(ContractSigned e, CancellationToken cancellationToken)
        {
            if (await db.SignedContracts.FindAsync([e.ContractId], cancellationToken) is not null) return;
            db.SignedContracts.Add(new SignedContract(
                e.ContractId, e.GrantId, e.Reference, e.SupplierName, e.SignedOn,
                e.Lines.Sum(l => l.Quantity * l.UnitPrice), e.Lines.Sum(l => l.Quantity)));
        }
    }
}
