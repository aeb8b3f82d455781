using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

/// <summary>The asset register: filters (grant, crossing point, status, category, serial text), sorting and paging, on indexes.</summary>
public static class ListAssets
{
    public sealed record Filter(Guid? GrantId, Guid? ContractId, string? CrossingPointCode, AssetStatus? Status, string? Category, string? Serial, string? Sort);

    public sealed record Query(string? DonorScope, Filter Filter, int? Page, int? PageSize) : IRequest<Page<AssetResponse>>;

    public static readonly string[] Sorts = ["serialNumber", "-serialNumber", "receivedOn", "-receivedOn", "category", "status", "crossingPoint", "value", "-value"];

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<AssetResponse>>
    {
        public async Task<Page<AssetResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await Filtered(db.Assets.AsNoTracking(), query.DonorScope, query.Filter).ToPageAsync(query.Page, query.PageSize, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new Page<AssetResponse>(page.Items.Select(a => AssetResponse.From(a, today)).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static IQueryable<Asset> Filtered(IQueryable<Asset> assets, string? donorScope, Filter f)
    {
        // Only the filters given join the query: a smaller expression tree for EF to hash and find in its query cache.
        var query = assets;
        if (donorScope is not null) query = query.Where(a => a.DonorCode == donorScope);
        if (f.GrantId is { } grantId) query = query.Where(a => a.GrantId == grantId);
        if (f.ContractId is { } contractId) query = query.Where(a => a.ContractId == contractId);
        if (f.CrossingPointCode is { } crossingPoint) query = query.Where(a => a.CrossingPointCode == crossingPoint);
        if (f.Status is { } status) query = query.Where(a => a.Status == status);
        if (f.Category is { } category) query = query.Where(a => a.ItemCategory == category);
        if (!string.IsNullOrWhiteSpace(f.Serial)) query = query.Where(a => a.SerialNumber.Contains(f.Serial));
        return (f.Sort ?? "serialNumber") switch
        {
            "serialNumber" => query.OrderBy(a => a.SerialNumber).ThenBy(a => a.Id),
            "-serialNumber" => query.OrderByDescending(a => a.SerialNumber).ThenBy(a => a.Id),
            "receivedOn" => query.OrderBy(a => a.ReceivedOn).ThenBy(a => a.Id),
            "-receivedOn" => query.OrderByDescending(a => a.ReceivedOn).ThenBy(a => a.Id),
            "category" => query.OrderBy(a => a.ItemCategory).ThenBy(a => a.SerialNumber),
            "status" => query.OrderBy(a => a.Status).ThenBy(a => a.SerialNumber),
            "crossingPoint" => query.OrderBy(a => a.CrossingPointCode).ThenBy(a => a.SerialNumber),
            "value" => query.OrderBy(a => a.UnitValue).ThenBy(a => a.Id),
            "-value" => query.OrderByDescending(a => a.UnitValue).ThenBy(a => a.Id),
            var other => throw new RuleViolationException("sort", "KnownSort", $"'{other}' is not a sort order ({string.Join(", ", Sorts)})."),
        };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets", (Guid? grantId, Guid? contractId, string? crossingPointCode, AssetStatus? status, string? category, string? serial, string? sort,
                int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, new Filter(grantId, contractId, crossingPointCode, status, category, serial, sort), page, pageSize), ct))
            .WithName("ListAssets");
}
