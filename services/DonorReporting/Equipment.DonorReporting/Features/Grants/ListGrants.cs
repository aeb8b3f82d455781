using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

public static class ListGrants
{
    public sealed record Query(string? DonorScope, int? Page, int? PageSize) : IRequest<Page<GrantResponse>>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, Page<GrantResponse>>
    {
        public async Task<Page<GrantResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Grants.AsNoTracking()
                .Where(g => query.DonorScope == null || g.DonorCode == query.DonorScope)
                .OrderBy(g => g.Reference)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<GrantResponse>(page.Items.Select(GrantResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants", (int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, page, pageSize), ct))
            .WithName("ListGrants");
}
