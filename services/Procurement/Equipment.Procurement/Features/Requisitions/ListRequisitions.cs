using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using MediatR;

namespace Equipment.Procurement.Features.Requisitions;

public static class ListRequisitions
{
    public sealed record Query(string? DonorScope, Guid? GrantId, RequisitionStatus? Status, int? Page, int? PageSize) : IRequest<Page<RequisitionResponse>>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, Page<RequisitionResponse>>
    {
        public async Task<Page<RequisitionResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Requisitions
                .Where(r => query.DonorScope == null || r.DonorCode == query.DonorScope)
                .Where(r => query.GrantId == null || r.GrantId == query.GrantId)
                .Where(r => query.Status == null || r.Status == query.Status)
                .OrderBy(r => r.RaisedAt)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<RequisitionResponse>(page.Items.Select(RequisitionResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/requisitions", (Guid? grantId, RequisitionStatus? status, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, status, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListRequisitions");
}
