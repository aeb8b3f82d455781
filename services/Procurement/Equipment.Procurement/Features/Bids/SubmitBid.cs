using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Bids;

/// <summary>
/// Records a bid on a lot: from an eligible (and, for negotiated procedures, invited) supplier, with eligible origins,
/// received after publication and not after the deadline. <c>receivedAt</c> defaults to now.
/// The answer never shows prices: they stay sealed until submission closes.
/// </summary>
public static class SubmitBid
{
    public sealed record Command(Guid TenderId, int LotNumber, Guid? SupplierId, DateTime? ReceivedAt, IReadOnlyList<BidLineInput>? Lines) : IRequest<SealedBidResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SupplierId).NotNull().NotEqual(Guid.Empty);
            RuleFor(c => c.Lines).NotEmpty();
            RuleForEach(c => c.Lines).ChildRules(l =>
            {
                l.RuleFor(x => x.LineNumber).NotNull();
                l.RuleFor(x => x.UnitPrice).NotNull().GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
                l.RuleFor(x => x.CountryOfOrigin).Must(c => c is { Length: 2 } && c.All(char.IsAsciiLetterUpper))
                    .WithMessage("'Country Of Origin' must be an ISO 3166-1 alpha-2 code.");
            });
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, SealedBidResponse>
    {
        public async Task<SealedBidResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var lot = tender.Lot(c.LotNumber);
            var supplier = await db.SupplierAsync(c.SupplierId!.Value, "supplierId", cancellationToken);
            var grant = await db.GrantAsync(tender.GrantId, "grantId", cancellationToken);
            if (await db.Bids.AnyAsync(b => b.TenderId == tender.Id && b.LotNumber == lot.Number && b.SupplierId == supplier.Id, cancellationToken))
                throw new ConflictException($"{supplier.LegalName} has already bid on lot {lot.Number}.", "OneBidPerSupplier");

            var bid = Bid.Submit(tender, lot, supplier, grant, (c.ReceivedAt ?? now).ToUniversalTime(),
                c.Lines!.Select(l => new BidLine(l.LineNumber!.Value, l.UnitPrice!.Value, l.CountryOfOrigin)).ToList(), now);
            db.Bids.Add(bid);
            await db.SaveChangesAsync(cancellationToken);
            return new SealedBidResponse(bid.Id, tender.Id, lot.Number, supplier.Id, supplier.LegalName, bid.ReceivedAt);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/bids", async (Guid tenderId, int lotNumber, SubmitBidRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var bid = await mediator.Send(new Command(tenderId, lotNumber, body.SupplierId, body.ReceivedAt, body.Lines), ct);
                return TypedResults.Created($"/api/procurement/tenders/{tenderId}/lots/{lotNumber}/bids", bid);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("SubmitBid");
}
