using Equipment.BuildingBlocks.Hosting;
using Equipment.Procurement.Domain;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using MediatR;

namespace Equipment.Procurement.Features.Tenders;

public static class GetTender
{
    public sealed record Query(Guid TenderId, string? DonorScope) : IRequest<TenderResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Query query, CancellationToken cancellationToken) =>
            TenderResponse.From(await db.TenderAsync(query.TenderId, query.DonorScope, clock, cancellationToken));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tenders/{tenderId:guid}", (Guid tenderId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(tenderId, user.DonorScope), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithEntityTag<Tender>("tenderId")
            .WithName("GetTender");
}
