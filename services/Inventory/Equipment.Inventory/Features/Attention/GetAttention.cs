using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Equipment.Inventory.Features.Attention;

/// <summary>
/// What needs attention among the facts inventory owns, most urgent first, paged: contract lines still outstanding after
/// their delivery deadline (from the day after it), and assets in service not seen by a stock-take or a verification
/// visit, nor moved, for more than <see cref="InventoryOptions.NotSeenAfterDays"/>. For logistics, administrators and
/// monitors (their donor's only); technicians get none of these.
/// </summary>
public static class GetAttention
{
    public sealed record Query(bool ForTheirRole, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<AttentionItem>>;

    public sealed class Handler(InventoryDbContext db, TimeProvider clock, IOptions<InventoryOptions> options) : IRequestHandler<Query, Page<AttentionItem>>
    {
        public async Task<Page<AttentionItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            if (!query.ForTheirRole) return new Page<AttentionItem>([], number, size, 0);

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var days = options.Value.NotSeenAfterDays;
            var cutoff = today.AddDays(-days);
            var scope = query.DonorScope;
            var overdue = db.ExpectedDeliveries.AsNoTracking()
                .Where(d => scope == null || d.DonorCode == scope)
                .Where(d => d.QuantityAccepted < d.QuantityExpected && d.DeliveryDeadline < today)
                .OrderBy(d => d.DeliveryDeadline).ThenBy(d => d.Id);
            var notSeen = db.Assets.AsNoTracking()
                .Where(a => scope == null || a.DonorCode == scope)
                .Where(a => a.Status == AssetStatus.Received || a.Status == AssetStatus.HandedOver || a.Status == AssetStatus.Deployed)
                .Where(a => (a.DeployedOn ?? a.ReceivedOn) < cutoff && (a.LastSeenOn == null || a.LastSeenOn < cutoff))
                .OrderBy(a => a.LastSeenOn ?? a.DeployedOn ?? a.ReceivedOn).ThenBy(a => a.Id);

            var total = await overdue.CountAsync(cancellationToken) + await notSeen.CountAsync(cancellationToken);
            var offset = (long)(number - 1) * size;
            if (offset >= total) return new Page<AttentionItem>([], number, size, total);
            var upTo = (int)Math.Min(offset + size, total);     // enough of each list to merge this page
            var deliveries = (await overdue.Take(upTo).ToListAsync(cancellationToken)).Select(d => AttentionItem.Of(AttentionKinds.DeliveryOverdue,
                Words.Say("Contract {0} line {1}: {2} of {3} × {4} outstanding, due {5}", d.ContractReference, d.ContractLineNumber, d.QuantityOutstanding,
                    d.QuantityExpected, d.Description, d.DeliveryDeadline),
                d.DeliveryDeadline, "ExpectedDelivery", d.Id.ToString(), Words.Say("{0}; {1} day(s) late", d.SupplierName, today.DayNumber - d.DeliveryDeadline.DayNumber), d.GrantId));
            var assets = (await notSeen.Take(upTo).ToListAsync(cancellationToken)).Select(a => AttentionItem.Of(AttentionKinds.AssetNotSeen,
                Words.Say("{0} {1} not seen since {2} ({3})", a.Description, a.SerialNumber, a.LastSeenOrMovedOn, a.Location.Length > 0 ? a.Location : a.Owner),
                a.LastSeenOrMovedOn.AddDays(days), "Asset", a.Id.ToString(),
                a.LastSeenOn is null ? Words.Say("never counted or verified") : Words.Say("last seen at {0} ({1})", a.LastSeenPlace, a.LastSeenBy), a.GrantId));
            var items = deliveries.Concat(assets).OrderBy(i => i.Due).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.EntityId, StringComparer.Ordinal)
                .Skip((int)offset).Take(size).ToList();
            return new Page<AttentionItem>(items, number, size, total);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/attention", (int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.IsInRole(Roles.LogisticsOfficer) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.DonorMonitor),
                    user.DonorScope, page, pageSize), ct))
            .WithName("GetInventoryAttention");
}
