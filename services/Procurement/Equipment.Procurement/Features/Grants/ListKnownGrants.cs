using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Grants;

/// <summary>The grants procurement has learnt of, i.e. those a contract can be drawn against.</summary>
public static class ListKnownGrants
{
    public sealed record Query : IRequest<IReadOnlyList<KnownGrantResponse>>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, IReadOnlyList<KnownGrantResponse>>
    {
        public async Task<IReadOnlyList<KnownGrantResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.KnownGrants.AsNoTracking().OrderBy(g => g.Reference).ToListAsync(cancellationToken))
                .Select(g => new KnownGrantResponse(g.GrantId, g.Reference, g.DonorCode, g.Amount, g.CrossingPointCodes))
                .ToList();
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer, Roles.Administrator))
            .WithName("ListKnownGrants");
}

public sealed record KnownGrantResponse(Guid GrantId, string Reference, string DonorCode, decimal Amount, IReadOnlyList<string> CrossingPointCodes);
