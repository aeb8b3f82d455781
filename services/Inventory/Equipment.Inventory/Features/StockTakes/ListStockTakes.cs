using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>The counts, newest first, optionally of one place or in one state; paged.</summary>
public static class ListStockTakes
{
    public sealed record Query(string? PlaceCode, StockTakeState? Status, int? Page, int? PageSize) : IRequest<Page<StockTakeResponse>>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, Page<StockTakeResponse>>
    {
        public async Task<Page<StockTakeResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.StockTakes.AsNoTracking()
                .Where(t => query.PlaceCode == null || t.PlaceCode == query.PlaceCode)
                .Where(t => query.Status == null || t.Status == query.Status)
                .OrderByDescending(t => t.OpenedAt).ThenBy(t => t.Id)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            var items = new List<StockTakeResponse>();
            foreach (var take in page.Items) items.Add(await db.ResponseAsync(take, cancellationToken));
            return new Page<StockTakeResponse>(items, page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stock-takes", (string? placeCode, StockTakeState? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(placeCode, status, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Readers))
            .WithName("ListStockTakes");
}
