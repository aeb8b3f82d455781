using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Inventory.Features.Assets;

/// <summary>Moves a deployed asset to another agreed crossing point, with the reason; publishes <c>inventory.asset-transferred</c>.</summary>
public static class TransferAsset
{
    public sealed record Command(Guid AssetId, string ToCrossingPointCode, DateOnly? TransferredOn, string Reason) : IRequest<AssetResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ToCrossingPointCode).NotEmpty();
            RuleFor(c => c.TransferredOn).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, AssetResponse>
    {
        public async Task<AssetResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([c.AssetId], cancellationToken) ?? throw new NotFoundException($"No asset {c.AssetId}.");
            var grant = await db.KnownGrants.FindAsync([asset.GrantId], cancellationToken)
                ?? throw new StateConflictException($"The agreed crossing points of grant {asset.GrantId} have not reached inventory yet.", "GrantNotYetKnown");
            var from = asset.CrossingPointCode;
            var now = clock.GetUtcNow();
            db.CustodyLog.Add(asset.TransferTo(c.ToCrossingPointCode, c.TransferredOn!.Value, c.Reason, grant, user.Name, now.UtcDateTime));

            db.Publish(new AssetTransferred(asset.Id, asset.GrantId, asset.DonorCode,
                from!, asset.CrossingPointCode!, c.TransferredOn.Value, c.Reason) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return AssetResponse.From(asset, DateOnly.FromDateTime(now.UtcDateTime));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/transfer", (Guid assetId, TransferAssetRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(assetId, body.ToCrossingPointCode, body.TransferredOn, body.Reason), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<Asset>("assetId")
            .WithName("TransferAsset");
}
