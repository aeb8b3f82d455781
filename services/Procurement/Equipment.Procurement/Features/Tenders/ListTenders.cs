using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>
/// The tenders, newest first unless <c>sort</c> says otherwise (by reference or by creation, each on its index), found by
/// <c>q</c> in their reference or title (any case), paged in the database.
/// </summary>
public static class ListTenders
{
    public static readonly string[] Sorts = ["-createdAt", "createdAt", "reference", "-reference"];

    public sealed record Query(string? DonorScope, Guid? GrantId, int? Page, int? PageSize, string? Q = null, string? Sort = null) : IRequest<Page<TenderResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<TenderResponse>>
    {
        public async Task<Page<TenderResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tenders = db.Tenders.AsNoTracking()
                .Where(t => query.DonorScope == null || t.DonorCode == query.DonorScope)
                .Where(t => query.GrantId == null || t.GrantId == query.GrantId);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                tenders = tenders.Where(t => t.Reference.ToLower().Contains(text) || t.Title.ToLower().Contains(text));
            }
            var page = await Sorted(tenders, query.Sort).ToPageAsync(query.Page, query.PageSize, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var tender in page.Items) tender.Refresh(now);
            return new Page<TenderResponse>(page.Items.Select(TenderResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }

        private static IQueryable<Tender> Sorted(IQueryable<Tender> tenders, string? sort) => (sort ?? "-createdAt") switch
        {
            "createdAt" => tenders.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "reference" => tenders.OrderBy(t => t.Reference),
            "-reference" => tenders.OrderByDescending(t => t.Reference),
            _ => tenders.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tenders", (Guid? grantId, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, page, pageSize, q, sort), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListTenders");
}
