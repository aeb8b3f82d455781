using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Handovers;

/// <summary>
/// Hands a set of received assets of one grant over to the beneficiary border authority under a handover certificate:
/// they then belong to the authority. Publishes <c>inventory.asset-handed-over</c>.
/// </summary>
public static class HandOverAssets
{
    public sealed record Command(DateOnly? HandedOverOn, string Place, Representative? From, string ToAuthority, Representative? To, IReadOnlyList<Guid>? AssetIds)
        : IRequest<HandoverResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.HandedOverOn).NotNull()
                .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("'Handed Over On' cannot be in the future.");
            RuleFor(c => c.Place).NotEmpty().MaximumLength(200);
            RuleFor(c => c.ToAuthority).NotEmpty().MaximumLength(200);
            RuleFor(c => c.From).NotNull().ChildRules(r => { r.RuleFor(x => x!.Name).NotEmpty(); r.RuleFor(x => x!.Role).NotEmpty(); });
            RuleFor(c => c.To).NotNull().ChildRules(r => { r.RuleFor(x => x!.Name).NotEmpty(); r.RuleFor(x => x!.Role).NotEmpty(); });
            RuleFor(c => c.AssetIds).NotEmpty();
        }
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, HandoverResponse>
    {
        public async Task<HandoverResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var ids = c.AssetIds!.Distinct().ToList();
            var assets = await db.Assets.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            var missing = ids.FirstOrDefault(id => assets.All(a => a.Id != id));
            if (missing != Guid.Empty) throw new RuleViolationException("assetIds", "KnownAsset", $"No asset {missing}.");
            if (assets.Select(a => a.GrantId).Distinct().Count() > 1)
                throw new RuleViolationException("assetIds", "OneGrant", "A handover certificate covers the assets of one grant.");
            var grant = await db.KnownGrants.FindAsync([assets[0].GrantId], cancellationToken);

            var now = clock.GetUtcNow();
            var year = c.HandedOverOn!.Value.Year;
            await using var numbering = await ExclusiveWrite.EnterAsync(db, $"HC-{year}", cancellationToken);   // the number is the year's count + 1
            var count = await db.HandoverCertificates.CountAsync(h => h.Number.StartsWith($"HC-{year}-"), cancellationToken);
            var certificate = new HandoverCertificate($"HC-{year}-{count + 1:D4}", assets[0].GrantId, assets[0].DonorCode, c.HandedOverOn.Value, c.Place,
                grant is { ImplementingPartner.Length: > 0 } ? grant.ImplementingPartner : assets[0].Owner,
                c.From!.Name, c.From.Role, c.ToAuthority, c.To!.Name, c.To.Role, ids);
            db.HandoverCertificates.Add(certificate);
            foreach (var asset in assets) db.CustodyLog.Add(asset.HandOver(certificate, user.Name, now.UtcDateTime));

            db.Publish(new AssetsHandedOver(certificate.Id, certificate.Number, certificate.GrantId,
                certificate.DonorCode, certificate.FromParty, certificate.ToAuthority, certificate.HandedOverOn, ids) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await numbering.CommitAsync(cancellationToken);
            return HandoverResponse.From(certificate, assets);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/handovers", async (HandOverAssetsRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var handover = await mediator.Send(new Command(body.HandedOverOn, body.Place, body.From, body.ToAuthority, body.To, body.AssetIds), ct);
                return TypedResults.Created($"/api/inventory/handovers/{handover.Id}", handover);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("HandOverAssets");
}
