using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

public static class ListAssets
{
    public sealed record Query(string? DonorScope, Guid? GrantId, Guid? ContractId, AssetStatus? Status, int? Page, int? PageSize) : IRequest<Page<AssetResponse>>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, Page<AssetResponse>>
    {
        public async Task<Page<AssetResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Assets.AsNoTracking()
                .Where(a => query.DonorScope == null || a.DonorCode == query.DonorScope)
                .Where(a => query.GrantId == null || a.GrantId == query.GrantId)
                .Where(a => query.ContractId == null || a.ContractId == query.ContractId)
                .Where(a => query.Status == null || a.Status == query.Status)
                .OrderBy(a => a.ItemCategory).ThenBy(a => a.SerialNumber)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<AssetResponse>(page.Items.Select(AssetResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets", (Guid? grantId, Guid? contractId, AssetStatus? status, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, contractId, status, page, pageSize), ct))
            .WithName("ListAssets");
}

public sealed record AssetResponse(
    Guid Id, string SerialNumber, string ItemCategory, string Description, Guid GrantId, string DonorCode, Guid ContractId,
    int ContractLineNumber, decimal UnitValue, string Currency, DateOnly ReceivedOn, DateOnly WarrantyEndsOn,
    AssetStatus Status, string? CrossingPointCode, DateOnly? DeployedOn)
{
    public static AssetResponse From(Asset a) => new(
        a.Id, a.SerialNumber, a.ItemCategory, a.Description, a.GrantId, a.DonorCode, a.ContractId, a.ContractLineNumber,
        a.UnitValue, a.Currency, a.ReceivedOn, a.WarrantyEndsOn, a.Status, a.CrossingPointCode, a.DeployedOn);
}
