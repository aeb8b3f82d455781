using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Grants;

/// <summary>The grants procurement has learnt of, with what is committed on each budget line.</summary>
public static class ListKnownGrants
{
    public sealed record Query(string? DonorScope) : IRequest<IReadOnlyList<KnownGrantResponse>>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, IReadOnlyList<KnownGrantResponse>>
    {
        public async Task<IReadOnlyList<KnownGrantResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.KnownGrants.AsNoTracking()
                .Where(g => query.DonorScope == null || g.DonorCode == query.DonorScope)
                .OrderBy(g => g.Reference).ToListAsync(cancellationToken))
            .Select(g => new KnownGrantResponse(g.GrantId, g.Reference, g.Title, g.DonorCode, g.Amount, g.CrossingPointCodes, g.EligibleNationalities,
                g.BudgetLines.OrderBy(l => l.Code).Select(l => new BudgetLineResponse(l.Code, l.Description, l.Amount, l.Committed, l.Available)).ToList()))
            .ToList();
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants", (IMediator mediator, CurrentUser user, CancellationToken ct) => mediator.Send(new Query(user.DonorScope), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListKnownGrants");
}
