using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Features.Grants;

/// <summary>Keeps inventory's copy of a grant's agreed crossing points (code, name, countries, coordinates, authority).</summary>
public static class LearnGrant
{
    public sealed class Handler(InventoryDbContext db) : IIntegrationEventHandler<GrantRegistered>
    {
        public async Task HandleAsync(GrantRegistered e, CancellationToken cancellationToken)
        {
            if (await db.KnownGrants.FindAsync([e.GrantId], cancellationToken) is not null) return;
            db.KnownGrants.Add(new KnownGrant(e.GrantId, e.Reference, e.DonorCode, e.ImplementingPartner, e.CrossingPoints.Select(Known).ToList()));
        }
    }

    internal static KnownCrossingPoint Known(CrossingPoint p) =>
        new(p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode, p.Latitude, p.Longitude, p.Authority);
}

/// <summary>Follows an amended grant's agreed crossing points (added or renamed). Waits for the registration.</summary>
public static class LearnGrantAmendment
{
    public sealed class Handler(InventoryDbContext db) : IIntegrationEventHandler<GrantAmended>
    {
        public async Task HandleAsync(GrantAmended e, CancellationToken cancellationToken)
        {
            var grant = await db.KnownGrants.FindAsync([e.GrantId], cancellationToken)
                ?? throw new EventOutOfOrderException($"grant {e.GrantId} is amended but its registration has not arrived yet");
            grant.Amended(e.Version, e.ImplementingPartner, e.CrossingPoints.Select(LearnGrant.Known).ToList());
        }
    }
}
