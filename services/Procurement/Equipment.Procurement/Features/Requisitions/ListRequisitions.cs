using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Requisitions;

/// <summary>
/// The requisitions of a grant or all (a donor's own only), of one status or all, found by <c>q</c> in the technical
/// specification, the budget line or the destination (any case), oldest raised first unless <c>sort</c> says otherwise
/// (raised, required by), paged in the database.
/// </summary>
public static class ListRequisitions
{
    public static readonly string[] Sorts = ["raisedAt", "-raisedAt", "requiredBy", "-requiredBy"];

    public sealed record Query(string? DonorScope, Guid? GrantId, RequisitionStatus? Status, int? Page, int? PageSize, string? Q = null, string? Sort = null)
        : IRequest<Page<RequisitionResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, Page<RequisitionResponse>>
    {
        public async Task<Page<RequisitionResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var requisitions = db.Requisitions.AsNoTracking()
                .Where(r => query.DonorScope == null || r.DonorCode == query.DonorScope)
                .Where(r => query.GrantId == null || r.GrantId == query.GrantId)
                .Where(r => query.Status == null || r.Status == query.Status);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                requisitions = requisitions.Where(r => r.TechnicalSpecification.ToLower().Contains(text) || r.BudgetLineCode.ToLower().Contains(text)
                    || (r.DestinationCrossingPointCode != null && r.DestinationCrossingPointCode.ToLower().Contains(text))
                    || (r.DestinationWarehouse != null && r.DestinationWarehouse.ToLower().Contains(text)));
            }
            requisitions = (query.Sort ?? "raisedAt") switch
            {
                "-raisedAt" => requisitions.OrderByDescending(r => r.RaisedAt).ThenBy(r => r.Id),
                "requiredBy" => requisitions.OrderBy(r => r.RequiredBy).ThenBy(r => r.RaisedAt),
                "-requiredBy" => requisitions.OrderByDescending(r => r.RequiredBy).ThenBy(r => r.RaisedAt),
                _ => requisitions.OrderBy(r => r.RaisedAt).ThenBy(r => r.Id),
            };
            var page = await requisitions.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<RequisitionResponse>(page.Items.Select(RequisitionResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/requisitions", (Guid? grantId, RequisitionStatus? status, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user,
                    CancellationToken ct) => mediator.Send(new Query(user.DonorScope, grantId, status, page, pageSize, q, sort), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListRequisitions");
}
