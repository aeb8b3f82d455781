using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

public static class GetAsset
{
    public sealed record Query(Guid AssetId, string? DonorScope) : IRequest<AssetResponse>;

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, AssetResponse>
    {
        public async Task<AssetResponse> Handle(Query query, CancellationToken cancellationToken) =>
            AssetResponse.From(await db.VisibleAssetAsync(query.AssetId, query.DonorScope, cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}", (Guid assetId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(assetId, user.DonorScope), ct))
            .WithEntityTag<Asset>("assetId")
            .WithName("GetAsset");

    /// <summary>The asset, or 404 when it does not exist or belongs to another donor than the monitor's.</summary>
    public static async Task<Asset> VisibleAssetAsync(this InventoryDbContext db, Guid assetId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId && (donorScope == null || a.DonorCode == donorScope), cancellationToken)
        ?? throw new NotFoundException($"No asset {assetId}.");
}
