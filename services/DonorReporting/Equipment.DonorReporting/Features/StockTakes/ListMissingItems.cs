using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Features.Grants;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.StockTakes;

/// <summary>The grant's assets that their place's latest stock-take did not find (monitors: their own donor's grants; others 404), paged.</summary>
public static class ListMissingItems
{
    public sealed record Query(Guid GrantId, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<MissingItemResponse>>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, Page<MissingItemResponse>>
    {
        public async Task<Page<MissingItemResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(query.GrantId, query.DonorScope, cancellationToken);
            return await db.StockTakeCounts.AsNoTracking()
                .Where(c => c.GrantId == grant.Id && c.Result == "Missing")
                .OrderBy(c => c.PlaceCode).ThenBy(c => c.SerialNumber).ThenBy(c => c.AssetId)
                .Select(c => new MissingItemResponse(c.AssetId, c.SerialNumber, c.Description, c.PlaceCode, c.CountedOn, c.StockTakeId))
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/missing-items", (Guid grantId, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(grantId, user.DonorScope, page, pageSize), ct))
            .WithName("ListMissingItems");
}
