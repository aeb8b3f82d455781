using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Assets;

/// <summary>The assets technicians look after, where they are and whether their warranty still runs.</summary>
public static class ListMaintainedAssets
{
    public sealed record Query(string? DonorScope, string? CrossingPointCode, int? Page, int? PageSize) : IRequest<Page<MaintainedAssetResponse>>;

    public sealed class Handler(MaintenanceDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<MaintainedAssetResponse>>
    {
        public async Task<Page<MaintainedAssetResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var page = await db.Assets.AsNoTracking()
                .Where(a => query.DonorScope == null || a.DonorCode == query.DonorScope)
                .Where(a => query.CrossingPointCode == null || a.CrossingPointCode == query.CrossingPointCode)
                .OrderBy(a => a.CrossingPointCode).ThenBy(a => a.SerialNumber)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<MaintainedAssetResponse>(
                page.Items.Select(a => new MaintainedAssetResponse(a.AssetId, a.SerialNumber, a.ItemCategory, a.Description, a.GrantId,
                    a.CrossingPointCode, a.DeployedOn, a.WarrantyEndsOn, a.IsUnderWarranty(today), a.Status, a.Manufacturer, a.Model, a.SupplierName)).ToList(),
                page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets", (string? crossingPointCode, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, crossingPointCode, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListMaintainedAssets");
}
