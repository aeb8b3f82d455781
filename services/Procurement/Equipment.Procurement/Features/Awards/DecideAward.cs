using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Features.Tenders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Awards;

/// <summary>
/// Decides the award of a lot once its standstill is over: the budget lines now carry the awarded price instead of the
/// estimate (409 when that exceeds a line), and <c>procurement.award-decided</c> is published.
/// </summary>
public static class DecideAward
{
    public sealed record Command(Guid TenderId, int LotNumber, DateOnly? DecidedOn = null) : IRequest<TenderResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var lot = tender.Lot(c.LotNumber);
            tender.Award(lot, now.UtcDateTime, c.DecidedOn);

            var bid = await db.Bids.SingleAsync(b => b.Id == lot.ProposedBidId, cancellationToken);
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == bid.SupplierId, cancellationToken);
            var grant = await db.GrantAsync(tender.GrantId, "grantId", cancellationToken);
            foreach (var line in lot.Lines)
                grant.BudgetLine(line.BudgetLineCode, "budgetLineCode").Recommit(
                    line.Quantity * line.EstimatedUnitValue, line.Quantity * bid.Lines.Single(b => b.LineNumber == line.LineNumber).UnitPrice);

            db.Publish(new AwardDecided(tender.Id, tender.Reference, lot.Number, tender.GrantId, tender.DonorCode, supplier.Id, supplier.LegalName,
                supplier.CountryOfEstablishment, bid.TotalPrice, tender.Currency, new DateTimeOffset(lot.AwardedAt!.Value, TimeSpan.Zero)) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/award", (Guid tenderId, int lotNumber, DecideAwardRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, lotNumber, body?.DecidedOn), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("DecideAward");
}
