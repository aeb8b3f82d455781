using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>
/// Opens a count of a crossing point agreed in a grant or of a warehouse. One open count per place: a second is refused
/// with 409 naming the open one (and of two racing opens, the unique index lets one through, the other gets 409).
/// </summary>
public static class OpenStockTake
{
    public sealed record Command(string PlaceCode) : IRequest<StockTakeResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.PlaceCode).NotEmpty().MaximumLength(100);
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, StockTakeResponse>
    {
        public async Task<StockTakeResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = command.PlaceCode.Trim();
            var (kind, name) = await PlaceAsync(db, code, cancellationToken);
            if (await db.StockTakes.AsNoTracking().FirstOrDefaultAsync(t => t.OpenPlaceCode == code, cancellationToken) is { } open)
                throw new StateConflictException(
                    $"A count of {name} ({code}) is already open (stock-take {open.Id}, opened by {open.OpenedBy} at {open.OpenedAt:yyyy-MM-dd HH:mm} UTC): scan into it, or close it first.",
                    StockTakeState.Open.ToString(), [StockTakeState.Closed.ToString()]);
            var take = StockTake.Open(code, kind, name, user.Name, clock.GetUtcNow().UtcDateTime);
            db.StockTakes.Add(take);
            await db.SaveChangesAsync(cancellationToken);
            return await db.ResponseAsync(take, cancellationToken);
        }
    }

    /// <summary>A warehouse, or a crossing point agreed in a grant inventory knows; else 400 naming <c>placeCode</c>.</summary>
    private static async Task<(StockTakePlaceKind, string)> PlaceAsync(InventoryDbContext db, string code, CancellationToken cancellationToken)
    {
        if (await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, cancellationToken) is { } warehouse)
            return (StockTakePlaceKind.Warehouse, warehouse.Name);
        var grants = await db.KnownGrants.AsNoTracking().ToListAsync(cancellationToken);
        var point = grants.SelectMany(g => g.CrossingPoints).FirstOrDefault(p => p.Code == code)
            ?? throw new RuleViolationException("placeCode", "KnownPlace", $"'{code}' is neither a warehouse nor a crossing point agreed in a grant.");
        return (StockTakePlaceKind.CrossingPoint, point.Name);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/stock-takes", async (OpenStockTakeRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var take = await mediator.Send(new Command(body.PlaceCode), ct);
                return TypedResults.Created($"/api/inventory/stock-takes/{take.Id}", take);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Counters))
            .WithName("OpenStockTake");
}
