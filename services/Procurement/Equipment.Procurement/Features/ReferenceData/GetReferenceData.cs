using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using MediatR;

namespace Equipment.Procurement.Features.ReferenceData;

/// <summary>The item categories and the PRAG rule set in force: what a procurement officer needs before raising a need.</summary>
public static class GetReferenceData
{
    public sealed record Query : IRequest<ReferenceDataResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, ReferenceDataResponse>
    {
        public async Task<ReferenceDataResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var rules = await db.RulesInForceAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
            return new ReferenceDataResponse(
                ItemCategories.All.Select(c => new ItemCategoryResponse(c.Key, c.Value)).ToList(),
                rules.Edition, rules.EffectiveFrom, rules.Rules.OrderByDescending(r => r.FromValue).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reference-data", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .RequireAuthorization(Equipment.BuildingBlocks.Auth.JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetReferenceData");
}
