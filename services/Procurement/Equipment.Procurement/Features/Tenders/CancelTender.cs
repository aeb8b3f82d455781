using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>Cancels a tender, or one lot, from any non-final state, with a reason; its requisitions are open again.</summary>
public static class CancelTender
{
    public sealed record Command(Guid TenderId, string Reason, int? LotNumber) : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var cancelled = tender.Cancel(c.Reason, c.LotNumber, now.UtcDateTime);

            var requisitionIds = cancelled.SelectMany(l => l.Lines).Select(l => l.RequisitionId).ToList();
            foreach (var requisition in await db.Requisitions.Where(r => requisitionIds.Contains(r.Id)).ToListAsync(cancellationToken))
                requisition.ReturnFromTender();

            // An awarded lot had its price committed: commit the estimates again, as the needs are open again.
            var awardedLines = cancelled.Where(l => l.AwardedAt is not null).SelectMany(l => l.Lines).ToList();
            if (awardedLines.Count > 0)
            {
                var bids = await db.Bids.Where(b => b.TenderId == tender.Id).ToListAsync(cancellationToken);
                var grant = await db.GrantAsync(tender.GrantId, "grantId", cancellationToken);
                foreach (var lot in cancelled.Where(l => l.AwardedAt is not null))
                {
                    var bid = bids.Single(b => b.Id == lot.ProposedBidId);
                    foreach (var line in lot.Lines)
                        grant.BudgetLine(line.BudgetLineCode, "budgetLineCode").Recommit(
                            line.Quantity * bid.Lines.Single(b => b.LineNumber == line.LineNumber).UnitPrice, line.Quantity * line.EstimatedUnitValue);
                }
            }

            db.Publish(new TenderCancelled(tender.Id, tender.Reference, tender.GrantId, tender.DonorCode, cancelled.Select(l => l.Number).ToList(), c.Reason) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/cancellation", (Guid tenderId, CancelTenderRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, body.Reason, body.LotNumber), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithEntityTag<Tender>("tenderId")
            .WithName("CancelTender");
}
