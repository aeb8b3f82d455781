using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Tenders;

public static class ListTenders
{
    public sealed record Query(string? DonorScope, Guid? GrantId, int? Page, int? PageSize) : IRequest<Page<TenderResponse>>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<TenderResponse>>
    {
        public async Task<Page<TenderResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Tenders.AsNoTracking()
                .Where(t => query.DonorScope == null || t.DonorCode == query.DonorScope)
                .Where(t => query.GrantId == null || t.GrantId == query.GrantId)
                .OrderByDescending(t => t.CreatedAt)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var tender in page.Items) tender.Refresh(now);
            return new Page<TenderResponse>(page.Items.Select(TenderResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tenders", (Guid? grantId, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListTenders");
}
