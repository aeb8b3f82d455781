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
