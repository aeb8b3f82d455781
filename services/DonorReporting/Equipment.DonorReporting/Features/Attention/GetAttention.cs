using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.DonorReporting.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Attention;

/// <summary>
/// What needs attention among the facts donor-reporting owns: the follow-up actions of recorded verification visits, by
/// their due date, paged (follow-ups have no closing yet, so every one is open). For monitors (their donor's only) and administrators.
/// </summary>
public static class GetAttention
{
    public sealed record Query(bool ForTheirRole, string? DonorScope, int? Page, int? PageSize) : IRequest<Page<AttentionItem>>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, Page<AttentionItem>>
    {
        public async Task<Page<AttentionItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            if (!query.ForTheirRole) return new Page<AttentionItem>([], number, size, 0);
            var visits = await db.Visits.AsNoTracking()
                .Where(v => query.DonorScope == null || v.DonorCode == query.DonorScope)
                .Where(v => v.Status == VisitStatus.Recorded)
                .ToListAsync(cancellationToken);
            var items = visits
                .SelectMany(v => v.FollowUps.Where(f => f.IsOpen).Select(f => AttentionItem.Of(AttentionKinds.VerificationFollowUpOpen,
                    v.CrossingPointCode is { } point
                        ? Words.Say("Follow-up of the visit at {0} on {1}: {2}", point, v.VisitedOn, f.Action)
                        : Words.Say("Follow-up of the visit at the grant's crossing points on {0}: {1}", v.VisitedOn, f.Action),
                    f.DueOn, "Visit", v.Id.ToString(), Words.Say("owner: {0}", f.Owner), v.GrantId)))
                .OrderBy(i => i.Due).ThenBy(i => i.EntityId, StringComparer.Ordinal).ThenBy(i => i.Title, StringComparer.Ordinal)
                .ToList();
            return items.ToPage(number, size);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/attention", (int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.IsInRole(Roles.DonorMonitor) || user.IsInRole(Roles.Administrator), user.DonorScope, page, pageSize), ct))
            .WithName("GetReportingAttention");
}
