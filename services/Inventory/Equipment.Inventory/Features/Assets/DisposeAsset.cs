using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;

namespace Equipment.Inventory.Features.Assets;

/// <summary>Records that an asset was disposed of, lost or stolen, with the reason and evidence; publishes <c>inventory.asset-disposed</c>.</summary>
public static class DisposeAsset
{
    public sealed record Command(Guid AssetId, DisposalKind? Kind, DateOnly? On, string Reason, string? EvidenceReference) : IRequest<AssetResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotNull();
            RuleFor(c => c.On).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.EvidenceReference).NotEmpty().WithMessage("Disposal, loss or theft is recorded with evidence (a police report, a disposal record, …).");
        }
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, AssetResponse>
    {
        public async Task<AssetResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([c.AssetId], cancellationToken) ?? throw new NotFoundException($"No asset {c.AssetId}.");
            var now = clock.GetUtcNow();
            db.CustodyLog.Add(asset.Dispose(c.Kind!.Value, c.On!.Value, c.Reason, c.EvidenceReference, user.Name, now.UtcDateTime));

            db.Publish(new AssetDisposed(asset.Id, asset.GrantId, asset.DonorCode,
                c.Kind.Value, c.On.Value, c.Reason, c.EvidenceReference) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return AssetResponse.From(asset, DateOnly.FromDateTime(now.UtcDateTime));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/disposal", (Guid assetId, DisposeAssetRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(assetId, body.Kind, body.On, body.Reason, body.EvidenceReference), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<Asset>("assetId")
            .WithName("DisposeAsset");
}
