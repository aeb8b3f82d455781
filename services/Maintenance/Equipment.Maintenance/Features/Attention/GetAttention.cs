using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Attention;

/// <summary>
/// What needs attention among the facts maintenance owns, most urgent first, paged: warranties ending within the next
/// <see cref="WarrantyDays"/> days, today included (technicians, logistics, administrators, monitors: their donor's only),
/// and preventive maintenance due by date within <see cref="PreventiveDays"/> days, or overdue by date or by use (hours or
/// km since the last service: then due today; technicians and administrators).
/// </summary>
public static class GetAttention
{
    public const int WarrantyDays = 60;
    public const int PreventiveDays = 7;

    public sealed record Query(bool Warranties, bool Preventive, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<AttentionItem>>;

    public sealed class Handler(MaintenanceDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<AttentionItem>>
    {
        public async Task<Page<AttentionItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var scope = query.DonorScope;
            var items = new List<AttentionItem>();
            if (query.Warranties)
            {
                var until = today.AddDays(WarrantyDays);
                var ending = await db.Assets.AsNoTracking()
                    .Where(a => scope == null || a.DonorCode == scope)
                    .Where(a => a.Status == null || a.Status != OperationalStatus.Disposed)
                    .Where(a => a.WarrantyEndsOn >= today && a.WarrantyEndsOn <= until)
                    .ToListAsync(cancellationToken);
                items.AddRange(ending.Select(a => AttentionItem.Of(AttentionKinds.WarrantyEnding,
                    Words.Say("Warranty of {0} {1} ends on {2}", a.Description, a.SerialNumber, a.WarrantyEndsOn), a.WarrantyEndsOn, "Asset", a.AssetId.ToString(),
                    a.CrossingPointCode is { } p
                        ? Words.Say("{0}; {1} day(s) left; at {2}", a.SupplierName ?? "—", a.WarrantyEndsOn.DayNumber - today.DayNumber, p)
                        : Words.Say("{0}; {1} day(s) left", a.SupplierName ?? "—", a.WarrantyEndsOn.DayNumber - today.DayNumber), a.GrantId)));
            }
            if (query.Preventive)
            {
                var soon = today.AddDays(PreventiveDays);
                var due = await (from s in db.Schedules.AsNoTracking()
                                 join a in db.Assets.AsNoTracking() on s.AssetId equals a.AssetId
                                 where scope == null || a.DonorCode == scope
                                 where a.Status == null || a.Status != OperationalStatus.Disposed
                                 where s.NextDueOn <= soon
                                 select new { Schedule = s, Asset = a }).ToListAsync(cancellationToken);
                items.AddRange(due.Select(r => r.Schedule.IsOverdue(today)
                    ? AttentionItem.Of(AttentionKinds.PreventiveMaintenanceOverdue, Words.Say("Preventive maintenance of {0} {1} overdue since {2}", r.Asset.Description, r.Asset.SerialNumber, r.Schedule.NextDueOn),
                        r.Schedule.NextDueOn, "Asset", r.Asset.AssetId.ToString(), Place(r.Asset.CrossingPointCode), r.Asset.GrantId)
                    : AttentionItem.Of(AttentionKinds.PreventiveMaintenanceDue, Words.Say("Preventive maintenance of {0} {1} due on {2}", r.Asset.Description, r.Asset.SerialNumber, r.Schedule.NextDueOn),
                        r.Schedule.NextDueOn, "Asset", r.Asset.AssetId.ToString(), Place(r.Asset.CrossingPointCode), r.Asset.GrantId)));
                // Overdue by use (hours or km since the last service), and not listed by its date: due today.
                var byDate = due.Select(r => r.Asset.AssetId).ToHashSet();
                var byUse = (await Plans.ListOverdue.OverdueAsync(db, scope, today, cancellationToken)).Where(o => !byDate.Contains(o.AssetId)).ToList();
                var ids = byUse.Select(o => o.AssetId).ToList();
                var assets = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.AssetId)).ToDictionaryAsync(a => a.AssetId, cancellationToken);
                items.AddRange(byUse.Select(o => AttentionItem.Of(AttentionKinds.PreventiveMaintenanceOverdue,
                    Words.Say("Preventive maintenance of {0} {1} overdue by use", assets[o.AssetId].Description, o.SerialNumber), today, "Asset", o.AssetId.ToString(),
                    o.Reasons[0], assets[o.AssetId].GrantId)));
            }
            var ordered = items.OrderBy(i => i.Due).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.EntityId, StringComparer.Ordinal).ToList();
            return ordered.ToPage(number, size);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/attention", (int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(
                    Warranties: user.IsInRole(Roles.MaintenanceTechnician) || user.IsInRole(Roles.LogisticsOfficer) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.DonorMonitor),
                    Preventive: user.IsInRole(Roles.MaintenanceTechnician) || user.IsInRole(Roles.Administrator),
                    user.DonorScope, page, pageSize), ct))
            .WithName("GetMaintenanceAttention");

    /// <summary>Where the asset serves, said as it is (a crossing point's code).</summary>
    private static Words? Place(string? crossingPointCode) => crossingPointCode is null ? null : Words.Say("{0}", crossingPointCode);
}
