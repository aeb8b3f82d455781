using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;

namespace Equipment.Procurement.Features.Grants;

/// <summary>Keeps procurement's copy of a registered grant: budget lines, eligible nationalities and agreed crossing points.</summary>
public static class LearnGrant
{
    public sealed class Handler(ProcurementDbContext db) : IIntegrationEventHandler<GrantRegistered>
    {
        public async Task HandleAsync(GrantRegistered e, CancellationToken cancellationToken)
        {
            if (await db.KnownGrants.FindAsync([e.GrantId], cancellationToken) is not null) return;
            db.KnownGrants.Add(new KnownGrant(e.GrantId, e.Reference, e.Title, e.DonorCode, e.ImplementingPartner, e.Amount,
                e.CrossingPoints.Select(p => p.Code).ToList(), e.EligibleNationalities,
                e.BudgetLines.Select(l => new BudgetLine(e.GrantId, l.Code, l.Description, l.Amount)).ToList()));
        }
    }
}

/// <summary>Follows an amended grant: budget lines, eligible nationalities and agreed crossing points. Waits for the registration.</summary>
public static class LearnGrantAmendment
{
    public sealed class Handler(ProcurementDbContext db) : IIntegrationEventHandler<GrantAmended>
    {
        public async Task HandleAsync(GrantAmended e, CancellationToken cancellationToken)
        {
            var grant = await db.KnownGrants.FindAsync([e.GrantId], cancellationToken)
                ?? throw new EventOutOfOrderException($"grant {e.GrantId} is amended but its registration has not arrived yet");
            grant.Amended(e.Version, e.Title, e.Amount, e.ImplementingPartner, e.CrossingPoints.Select(p => p.Code).ToList(), e.EligibleNationalities,
                e.BudgetLines.Select(l => (l.Code, l.Description, l.Amount)).ToList());
        }
    }
}
