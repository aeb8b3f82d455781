using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Bids;

/// <summary>The bids on a lot with their prices and evaluation: 409 while they are sealed, for every role.</summary>
public static class ListBids
{
    public sealed record Query(Guid TenderId, int LotNumber) : IRequest<IReadOnlyList<BidResponse>>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<BidResponse>>
    {
        public async Task<IReadOnlyList<BidResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(query.TenderId, null, clock, cancellationToken);
            var lot = tender.Lot(query.LotNumber);
            tender.EnsureBidsUnsealed(lot);
            var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tender.Id && b.LotNumber == lot.Number).ToListAsync(cancellationToken);
            var supplierIds = bids.Select(b => b.SupplierId).ToList();
            var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            return bids.OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.ReceivedAt)
                .Select(b => BidResponse.From(b, suppliers[b.SupplierId])).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tenders/{tenderId:guid}/lots/{lotNumber:int}/bids", (Guid tenderId, int lotNumber, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(tenderId, lotNumber), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer, Roles.Administrator))
            .WithName("ListBids");
}
