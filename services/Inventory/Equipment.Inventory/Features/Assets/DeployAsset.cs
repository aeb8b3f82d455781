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

/// <summary>
/// Deploys a handed-over asset at one of its grant's agreed crossing points (409 listing them otherwise), not before its
/// handover; away from its contract line's destination only with a reason (a recorded deviation). Publishes
/// <c>inventory.asset-deployed</c> with the destination and any deviation.
/// </summary>
public static class DeployAsset
{
    public sealed record Command(Guid AssetId, string CrossingPointCode, DateOnly? DeployedOn, string? DeviationReason = null) : IRequest<AssetResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.CrossingPointCode).NotEmpty();
            RuleFor(c => c.DeviationReason).MaximumLength(1000);
            RuleFor(c => c.DeployedOn).NotNull()
                .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("'Deployed On' cannot be in the future.");
        }
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, AssetResponse>
    {
        public async Task<AssetResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([command.AssetId], cancellationToken) ?? throw new NotFoundException($"No asset {command.AssetId}.");
            var grant = await db.KnownGrants.FindAsync([asset.GrantId], cancellationToken)
                ?? throw new StateConflictException($"The agreed crossing points of grant {asset.GrantId} have not reached inventory yet; try again shortly.", "GrantNotYetKnown");
            var now = clock.GetUtcNow();
            db.CustodyLog.Add(asset.DeployAt(command.CrossingPointCode, command.DeployedOn!.Value, grant, user.Name, now.UtcDateTime, command.DeviationReason));

            db.Publish(new AssetDeployed(asset.Id, asset.GrantId, asset.DonorCode, asset.CrossingPointCode!, asset.DeployedOn!.Value)
            {
                OccurredAt = now,
                DestinationCrossingPointCode = asset.DestinationCrossingPointCode,
                DeviationReason = asset.DeploymentDeviationReason,
            });
            await db.SaveChangesAsync(cancellationToken);
            return AssetResponse.From(asset, DateOnly.FromDateTime(now.UtcDateTime));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/deployment", (Guid assetId, DeployAssetRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(assetId, body.CrossingPointCode, body.DeployedOn, body.DeviationReason), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<Asset>("assetId")
            .WithName("DeployAsset");
}
