using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

public static class GetAsset
{
    public sealed record Query(Guid AssetId, string? DonorScope) : IRequest<AssetResponse>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, AssetResponse>
    {
        public async Task<AssetResponse> Handle(Query query, CancellationToken cancellationToken) =>
            AssetResponse.From(
                await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AssetId && (query.DonorScope == null || a.DonorCode == query.DonorScope), cancellationToken)
                ?? throw new NotFoundException($"No asset {query.AssetId}."));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}", (Guid assetId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(assetId, user.DonorScope), ct))
            .WithName("GetAsset");
}
