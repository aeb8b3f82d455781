using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Attention;

/// <summary>
/// What needs attention among the facts procurement owns: lots in their standstill period, by the day it ends (ended:
/// the award can be decided), paged. For officers, administrators and monitors (their donor's tenders only).
/// </summary>
public static class GetAttention
{
    public sealed record Query(bool ForTheirRole, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<AttentionItem>>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<AttentionItem>>
    {
        public async Task<Page<AttentionItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            if (!query.ForTheirRole) return new Page<AttentionItem>([], number, size, 0);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var tenders = await db.Tenders.AsNoTracking()
                .Where(t => query.DonorScope == null || t.DonorCode == query.DonorScope)
                .Where(t => t.CancelledAt == null)
                .ToListAsync(cancellationToken);
            var items = tenders
                .SelectMany(t => t.Lots.Where(l => l.Status == LotStatus.Standstill && l.StandstillEndsOn is not null).Select(l => AttentionItem.Of(AttentionKinds.StandstillEnding,
                    l.StandstillEndsOn < today
                        ? Words.Say("Tender {0} lot {1}: standstill ended on {2}; the award can be decided", t.Reference, l.Number, l.StandstillEndsOn)
                        : Words.Say("Tender {0} lot {1}: standstill ends on {2}", t.Reference, l.Number, l.StandstillEndsOn),
                    l.StandstillEndsOn!.Value, "Tender", t.Id.ToString(), Words.Say("{0}", l.Title), t.GrantId)))
                .OrderBy(i => i.Due).ThenBy(i => i.Title, StringComparer.Ordinal)
                .ToList();
            return items.ToPage(number, size);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/attention", (int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.IsInRole(Roles.ProcurementOfficer) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.DonorMonitor),
                    user.DonorScope, page, pageSize), ct))
            .WithName("GetProcurementAttention");
}
