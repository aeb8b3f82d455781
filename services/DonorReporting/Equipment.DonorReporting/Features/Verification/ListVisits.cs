using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>
/// The verification visits of a grant (404 when it is another donor's) or of every grant the caller sees, of one status or all,
/// found by <c>q</c> in the crossing point or the monitor (any case), latest planned first unless <c>sort</c> says otherwise,
/// paged in the database. Visits hold where border equipment is: monitors (their donor's) and administrators only.
/// </summary>
public static class ListVisits
{
    public static readonly string[] Sorts = ["-plannedFor", "plannedFor", "-visitedOn", "visitedOn", "crossingPoint", "-crossingPoint"];

    public sealed record Query(string? DonorScope, Guid? GrantId, VisitStatus? Status, string? Q, string? Sort, int? Page, int? PageSize) : IRequest<Page<VisitResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, Page<VisitResponse>>
    {
        public async Task<Page<VisitResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.GrantId is { } grantId) await db.FindVisibleGrantAsync(grantId, query.DonorScope, cancellationToken);
            var visits = db.Visits.AsNoTracking()
                .Where(v => query.DonorScope == null || v.DonorCode == query.DonorScope)
                .Where(v => query.GrantId == null || v.GrantId == query.GrantId)
                .Where(v => query.Status == null || v.Status == query.Status);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                visits = visits.Where(v => (v.CrossingPointCode != null && v.CrossingPointCode.ToLower().Contains(text)) || v.Monitor.ToLower().Contains(text));
            }
            // Never visited, or of no one crossing point: last in either order on both providers (PostgreSQL puts NULL first when
            // descending, SQLite last).
            visits = (query.Sort ?? "-plannedFor") switch
            {
                "plannedFor" => visits.OrderBy(v => v.PlannedFor).ThenBy(v => v.Id),
                "-visitedOn" => visits.OrderBy(v => v.VisitedOn == null).ThenByDescending(v => v.VisitedOn).ThenByDescending(v => v.PlannedFor).ThenBy(v => v.Id),
                "visitedOn" => visits.OrderBy(v => v.VisitedOn == null).ThenBy(v => v.VisitedOn).ThenBy(v => v.PlannedFor).ThenBy(v => v.Id),
                "crossingPoint" => visits.OrderBy(v => v.CrossingPointCode == null).ThenBy(v => v.CrossingPointCode).ThenByDescending(v => v.PlannedFor).ThenBy(v => v.Id),
                "-crossingPoint" => visits.OrderBy(v => v.CrossingPointCode == null).ThenByDescending(v => v.CrossingPointCode).ThenByDescending(v => v.PlannedFor).ThenBy(v => v.Id),
                _ => visits.OrderByDescending(v => v.PlannedFor).ThenBy(v => v.Id),
            };
            var page = await visits.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<VisitResponse>(page.Items.Select(VisitResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        var monitors = JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator);
        api.MapGet("/visits", (Guid? grantId, VisitStatus? status, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, status, q, sort, page, pageSize), ct))
            .RequireAuthorization(monitors)
            .WithName("ListVisits");
        api.MapGet("/grants/{grantId:guid}/visits", (Guid grantId, VisitStatus? status, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user,
                    CancellationToken ct) => mediator.Send(new Query(user.DonorScope, grantId, status, q, sort, page, pageSize), ct))
            .RequireAuthorization(monitors)
            .WithName("ListGrantVisits");
    }
}
