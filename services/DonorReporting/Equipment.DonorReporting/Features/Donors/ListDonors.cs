using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Donors;

public static class ListDonors
{
    /// <summary>All donors for staff; a DonorMonitor sees its own donor only.</summary>
    public sealed record Query(string? DonorScope) : IRequest<IReadOnlyList<DonorResponse>>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, IReadOnlyList<DonorResponse>>
    {
        public async Task<IReadOnlyList<DonorResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.Donors.AsNoTracking()
                .Where(d => query.DonorScope == null || d.Code == query.DonorScope)
                .OrderBy(d => d.Code)
                .ToListAsync(cancellationToken))
            .Select(DonorResponse.From).ToList();
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/donors", (IMediator mediator, CurrentUser user, CancellationToken ct) => mediator.Send(new Query(user.DonorScope), ct))
            .WithName("ListDonors");
}
