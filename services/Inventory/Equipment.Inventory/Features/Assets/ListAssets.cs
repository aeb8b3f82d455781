using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

/// <summary>
/// The asset register: filters (grant, crossing point, status, category, serial text), sorting and paging, on indexes.
/// A page reads only the columns the register shows, untracked; the page everyone opens first (no filter, by serial)
/// runs as compiled queries, which skip EF's per-call look-up of the query in its cache.
/// </summary>
public static class ListAssets
{
    public sealed record Filter(Guid? GrantId, Guid? ContractId, string? CrossingPointCode, AssetStatus? Status, string? Category, string? Serial, string? Sort);

    public sealed record Query(string? DonorScope, Filter Filter, int? Page, int? PageSize) : IRequest<Page<AssetResponse>>;

    public static readonly string[] Sorts = ["serialNumber", "-serialNumber", "receivedOn", "-receivedOn", "category", "status", "crossingPoint", "value", "-value"];

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<AssetResponse>>
    {
        public async Task<Page<AssetResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var page = query.Filter == Unfiltered
                ? await FirstOpenedPageAsync(query, cancellationToken)
                : await Filtered(db.Assets.AsNoTracking(), query.DonorScope, query.Filter).Select(Shown).ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<AssetResponse>(page.Items.Select(r => r.Response(today)).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }

        private async Task<Page<Row>> FirstOpenedPageAsync(Query query, CancellationToken cancellationToken)
        {
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            var total = query.DonorScope is { } donor ? await CountOfDonor(db, donor) : await CountAll(db);
            var offset = (long)(number - 1) * size;
            if (offset >= total) return new Page<Row>([], number, size, total);
            var rows = new List<Row>(size);
            var page = query.DonorScope is { } scope ? PageOfDonor(db, scope, (int)offset, size) : PageOfAll(db, (int)offset, size);
            await foreach (var row in page.WithCancellation(cancellationToken)) rows.Add(row);
            return new Page<Row>(rows, number, size, total);
        }
    }

    private static readonly Filter Unfiltered = new(null, null, null, null, null, null, null);

    /// <summary>The columns the register shows (with what acceptance and warranty are reckoned from).</summary>
    public sealed record Row(
        Guid Id, string SerialNumber, string Manufacturer, string Model, string ItemCategory, string Description, Guid GrantId, string DonorCode,
        Guid ContractId, string ContractReference, int ContractLineNumber, string SupplierName, decimal UnitValue, string Currency,
        DateOnly ReceivedOn, DateOnly? AcceptedOn, int DeemedAcceptanceDays, int WarrantyMonths, bool VisibilityMarking, string? VisibilityEvidence,
        AssetStatus Status, string Owner, string? WarehouseCode, string? CrossingPointCode, DateOnly? DeployedOn, Guid? HandoverCertificateId,
        DateOnly? HandedOverOn, string? DestinationCrossingPointCode, string? DeploymentDeviationReason, DateOnly? LastSeenOn, string? LastSeenPlace, string? LastSeenBy)
    {
        public AssetResponse Response(DateOnly today) => new(
            Id, SerialNumber, Manufacturer, Model, ItemCategory, Description, GrantId, DonorCode, ContractId, ContractReference, ContractLineNumber,
            SupplierName, UnitValue, Currency, ReceivedOn, Asset.AcceptanceOn(AcceptedOn, ReceivedOn, DeemedAcceptanceDays, today),
            Asset.WarrantyEndsOn(AcceptedOn, ReceivedOn, DeemedAcceptanceDays, WarrantyMonths, today), VisibilityMarking, VisibilityEvidence, Status, Owner,
            WarehouseCode, CrossingPointCode, DeployedOn, HandoverCertificateId, HandedOverOn, DestinationCrossingPointCode, DeploymentDeviationReason,
            LastSeenOn, LastSeenPlace, LastSeenBy);
    }

    public static readonly System.Linq.Expressions.Expression<Func<Asset, Row>> Shown = a => new Row(
        a.Id, a.SerialNumber, a.Manufacturer, a.Model, a.ItemCategory, a.Description, a.GrantId, a.DonorCode, a.ContractId, a.ContractReference,
        a.ContractLineNumber, a.SupplierName, a.UnitValue, a.Currency, a.ReceivedOn, a.AcceptedOn, a.DeemedAcceptanceDays, a.WarrantyMonths,
        a.VisibilityMarking, a.VisibilityEvidence, a.Status, a.Owner, a.WarehouseCode, a.CrossingPointCode, a.DeployedOn, a.HandoverCertificateId,
        a.HandedOverOn, a.DestinationCrossingPointCode, a.DeploymentDeviationReason, a.LastSeenOn, a.LastSeenPlace, a.LastSeenBy);

    private static readonly Func<InventoryDbContext, Task<int>> CountAll =
        EF.CompileAsyncQuery((InventoryDbContext db) => db.Assets.Count());
    private static readonly Func<InventoryDbContext, string, Task<int>> CountOfDonor =
        EF.CompileAsyncQuery((InventoryDbContext db, string donor) => db.Assets.Count(a => a.DonorCode == donor));
    private static readonly Func<InventoryDbContext, int, int, IAsyncEnumerable<Row>> PageOfAll =
        EF.CompileAsyncQuery((InventoryDbContext db, int skip, int take) =>
            db.Assets.AsNoTracking().OrderBy(a => a.SerialNumber).ThenBy(a => a.Id).Skip(skip).Take(take).Select(Shown));
    private static readonly Func<InventoryDbContext, string, int, int, IAsyncEnumerable<Row>> PageOfDonor =
        EF.CompileAsyncQuery((InventoryDbContext db, string donor, int skip, int take) =>
            db.Assets.AsNoTracking().Where(a => a.DonorCode == donor).OrderBy(a => a.SerialNumber).ThenBy(a => a.Id).Skip(skip).Take(take).Select(Shown));

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
        if (!string.IsNullOrWhiteSpace(f.Serial))
        {
            var serial = f.Serial.Trim().ToLower();                   // as typed: "tc-00" finds TC-0042, on both providers
            query = query.Where(a => a.SerialNumber.ToLower().Contains(serial));
        }
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
