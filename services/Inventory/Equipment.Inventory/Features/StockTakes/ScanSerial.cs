using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>
/// Records one serial in an open count (409 naming the state once closed): found here, registered elsewhere, or unknown,
/// with the running tally. A serial scanned before in the same count answers 200 with a warning and is not counted again.
/// A QR label's address (<see cref="AssetAddress"/>) counts as its asset's serial.
/// </summary>
public static class ScanSerial
{
    public sealed record Command(Guid StockTakeId, string SerialNumber) : IRequest<(ScanResponse Response, bool Created)>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.SerialNumber).NotEmpty().MaximumLength(100)
            .Must(s => s is null || s.Trim().Length > 0).WithMessage("'Serial Number' must not be blank.");
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, (ScanResponse, bool)>
    {
        public async Task<(ScanResponse, bool)> Handle(Command command, CancellationToken cancellationToken)
        {
            var take = await db.StockTakeAsync(command.StockTakeId, cancellationToken);
            var serial = command.SerialNumber.Trim();
            // A QR label scanned instead of the serial's barcode: its address names the asset, whose serial is counted.
            if (AssetAddress.IdIn(serial) is { } labelled
                && await db.Assets.AsNoTracking().Where(a => a.Id == labelled).Select(a => a.SerialNumber).FirstOrDefaultAsync(cancellationToken) is { } labelSerial)
                serial = labelSerial;
            var earlier = await db.StockTakeScans.AsNoTracking().FirstOrDefaultAsync(s => s.StockTakeId == take.Id && s.SerialNumber == serial, cancellationToken);
            var candidates = await db.Assets.AsNoTracking().Where(a => a.SerialNumber == serial).ToListAsync(cancellationToken);
            // Serials are unique per make and model: prefer the one registered here, then one in service.
            var asset = candidates.OrderByDescending(a => a.IsRegisteredAt(take.PlaceCode)).ThenByDescending(a => a.InService).ThenBy(a => a.Id).FirstOrDefault();
            var scan = take.Scan(serial, asset, earlier is not null, user.Name, clock.GetUtcNow().UtcDateTime);
            if (scan is not null)
            {
                db.StockTakeScans.Add(scan);
                await db.SaveChangesAsync(cancellationToken);
            }
            var tally = (await db.ResponseAsync(take, cancellationToken)).Tally;
            var counted = scan ?? earlier!;
            var warning = scan is null
                ? $"{serial} was already scanned in this count (by {earlier!.ScannedBy} at {earlier.ScannedAt:HH:mm:ss} UTC); it is counted once."
                : null;
            return (new ScanResponse(serial, counted.Result, scan is null, warning, StockTakeViews.CountedOrNull(counted), tally), scan is not null);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/stock-takes/{stockTakeId:guid}/scans", async (Guid stockTakeId, ScanSerialRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var (response, created) = await mediator.Send(new Command(stockTakeId, body.SerialNumber), ct);
                return created
                    ? (IResult)TypedResults.Created($"/api/inventory/stock-takes/{stockTakeId}/results", response)
                    : TypedResults.Ok(response);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(StockTakeViews.Counters))
            .Produces<ScanResponse>(StatusCodes.Status201Created)
            .Produces<ScanResponse>(StatusCodes.Status200OK)
            .WithName("ScanSerial");
}
