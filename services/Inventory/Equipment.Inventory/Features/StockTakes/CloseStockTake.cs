using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>
/// Closes an open count (409 naming the state when already closed): freezes the missing assets, stamps the last-seen date
/// and place on every asset scanned (found, and registered elsewhere but seen here), and publishes
/// <c>inventory.stock-take-closed</c> with each asset accounted for, so that donor-reporting shows the donor what is missing.
/// </summary>
public static class CloseStockTake
{
    public sealed record Command(Guid StockTakeId) : IRequest<StockTakeResultsResponse>;

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, StockTakeResultsResponse>
    {
        public async Task<StockTakeResultsResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var take = await db.StockTakeAsync(command.StockTakeId, cancellationToken);
            var scans = await db.ScansAsync(take.Id, cancellationToken);
            var registered = await db.RegisteredAtAsync(take.PlaceCode, cancellationToken);
            var seenIds = scans.Where(s => s.AssetId is not null).Select(s => s.AssetId!.Value).ToList();
            var seen = await db.Assets.Where(a => seenIds.Contains(a.Id)).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            take.Close(registered, scans, seen, user.Name, now.UtcDateTime);

            var counted = scans.Where(s => s.AssetId is not null && s.Result is ScanResult.Found or ScanResult.Elsewhere)
                .Select(s => new StockTakeCountedAsset(s.AssetId!.Value, s.GrantId!.Value, s.DonorCode!, s.SerialNumber, s.Description ?? "",
                    s.Result == ScanResult.Found ? StockTakeCountResult.Found : StockTakeCountResult.Elsewhere))
                .Concat(take.Missing.Select(m => new StockTakeCountedAsset(m.AssetId, m.GrantId, m.DonorCode, m.SerialNumber, m.Description, StockTakeCountResult.Missing)))
                .ToList();
            db.Publish(new StockTakeClosed(take.Id, take.PlaceCode, take.PlaceKind, DateOnly.FromDateTime(now.UtcDateTime), counted) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return await db.ResultsAsync(take, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/stock-takes/{stockTakeId:guid}/closure", (Guid stockTakeId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(stockTakeId), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Counters))
            .WithName("CloseStockTake");
}
