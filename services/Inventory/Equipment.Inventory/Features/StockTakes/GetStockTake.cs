using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using MediatR;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>A count with its tally, and its results: found, missing, registered elsewhere, unknown.</summary>
public static class GetStockTake
{
    public sealed record Query(Guid StockTakeId) : IRequest<StockTakeResponse>;

    public sealed record ResultsQuery(Guid StockTakeId) : IRequest<StockTakeResultsResponse>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, StockTakeResponse>
    {
        public async Task<StockTakeResponse> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ResponseAsync(await db.StockTakeAsync(query.StockTakeId, cancellationToken), cancellationToken);
    }

    public sealed class ResultsHandler(InventoryDbContext db) : IRequestHandler<ResultsQuery, StockTakeResultsResponse>
    {
        public async Task<StockTakeResultsResponse> Handle(ResultsQuery query, CancellationToken cancellationToken) =>
            await db.ResultsAsync(await db.StockTakeAsync(query.StockTakeId, cancellationToken), cancellationToken);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/stock-takes/{stockTakeId:guid}", (Guid stockTakeId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(stockTakeId), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Readers))
            .WithName("GetStockTake");
        api.MapGet("/stock-takes/{stockTakeId:guid}/results", (Guid stockTakeId, IMediator mediator, CancellationToken ct) => mediator.Send(new ResultsQuery(stockTakeId), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Readers))
            .WithName("GetStockTakeResults");
    }
}
