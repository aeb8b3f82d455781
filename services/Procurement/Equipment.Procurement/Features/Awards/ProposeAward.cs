using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using Equipment.Procurement.Features.Tenders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Awards;

/// <summary>Ranks the evaluated bids and proposes the award to the top one; with no compliant bid the lot is unsuccessful.</summary>
public static class ProposeAward
{
    public sealed record Command(Guid TenderId, int LotNumber) : IRequest<TenderResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var lot = tender.Lot(c.LotNumber);
            var bids = await db.Bids.Where(b => b.TenderId == tender.Id && b.LotNumber == lot.Number).ToListAsync(cancellationToken);
            Ranking.EnsureAllEvaluated(bids);
            tender.ProposeAward(lot, Ranking.Rank(tender, bids)?.Id);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/award-proposal", (Guid tenderId, int lotNumber, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, lotNumber), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("ProposeAward");
}
