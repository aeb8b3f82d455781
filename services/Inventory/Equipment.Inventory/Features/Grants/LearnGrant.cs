using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Features.Grants;

/// <summary>Keeps inventory's copy of a grant's agreed crossing points, where its assets may be deployed.</summary>
public static class LearnGrant
{
    public sealed class Handler(InventoryDbContext db) : IIntegrationEventHandler<GrantRegistered>
    {
        public async Task HandleAsync(GrantRegistered e, CancellationToken cancellationToken)
        {
            if (await db.KnownGrants.FindAsync([e.GrantId], cancellationToken) is not null) return;
            db.KnownGrants.Add(new KnownGrant(e.GrantId, e.Reference, e.DonorCode, e.CrossingPoints.Select(p => p.Code).ToList()));
        }
    }
}
