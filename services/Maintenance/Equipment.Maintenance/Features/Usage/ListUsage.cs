using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Usage;

/// <summary><c>GET /assets/{id}/usage</c>: the use recorded for an asset, latest period first, paged; a monitor reads their donor's assets only.</summary>
public static class ListUsage
{
    public sealed record Query(Guid AssetId, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<UsageLogResponse>>;

    public sealed class Handler(MaintenanceDbContext db) : IRequestHandler<Query, Page<UsageLogResponse>>
    {
        public async Task<Page<UsageLogResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(query.AssetId, query.DonorScope, cancellationToken);
            var page = await db.UsageLogs.AsNoTracking().Where(u => u.AssetId == asset.AssetId)
                .OrderByDescending(u => u.From).ThenByDescending(u => u.Id)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<UsageLogResponse>(page.Items.Select(u => UsageLogResponse.From(u)).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}/usage", (Guid assetId, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(assetId, user.DonorScope, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListUsage");
}
