using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Procurement.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Counts a signed contract against its grant, line by line (destinations feed the per-crossing-point funnel).</summary>
public static class TrackSignedContract
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<ContractSigned>
    {
        public async Task HandleAsync(ContractSigned e, CancellationToken cancellationToken)
        {
            if (await db.SignedContracts.FindAsync([e.ContractId], cancellationToken) is not null) return;
            db.SignedContracts.Add(new SignedContract(e.ContractId, e.GrantId, e.Reference, e.SupplierName, e.SignedOn, e.TenderId, e.LotNumber,
                e.Lines.Select(ToLine).ToList()));
        }
    }

    internal static ContractLine ToLine(ContractLineSigned l) =>
        new(l.LineNumber, l.ItemCategory, l.Quantity, l.UnitPrice, l.DestinationCrossingPointCode);
}

/// <summary>Keeps a contract at its latest amendment; an amendment that overtakes the signature waits for it.</summary>
public static class TrackAmendedContract
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<ContractAmended>
    {
        public async Task HandleAsync(ContractAmended e, CancellationToken cancellationToken)
        {
            var contract = await db.SignedContracts.FindAsync([e.ContractId], cancellationToken)
                ?? throw new EventOutOfOrderException($"contract {e.ContractId} is amended but its signature has not arrived yet");
            contract.Amended(e.Version, e.Lines.Select(TrackSignedContract.ToLine).ToList());
        }
    }
}
