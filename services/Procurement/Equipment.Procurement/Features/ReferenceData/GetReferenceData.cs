using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.ReferenceData;

/// <summary>
/// The item categories and the PRAG rule set in force, or the edition asked for (the one a tender was built under): what
/// a procurement officer needs before raising a need, and what the tender page shows beside the procedure it chose.
/// </summary>
public static class GetReferenceData
{
    public sealed record Query(string? Edition) : IRequest<ReferenceDataResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, ReferenceDataResponse>
    {
        public async Task<ReferenceDataResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var rules = string.IsNullOrEmpty(query.Edition)
                ? await db.RulesInForceAsync(clock.GetUtcNow().UtcDateTime, cancellationToken)
                : await db.RuleSetAsync(query.Edition, cancellationToken);
            var editions = (await db.RuleSets.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(r => r.EffectiveFrom).Select(r => r.Edition).ToList();
            return new ReferenceDataResponse(
                ItemCategories.All.Select(c => new ItemCategoryResponse(c.Key, c.Value)).ToList(),
                rules.Edition, rules.EffectiveFrom, rules.Rules.OrderByDescending(r => r.FromValue).ToList(),
                rules.PaymentAgainstInvoiceUpTo, rules.PaymentAgainstInvoiceSection, rules.Source, editions,
                rules.MinimumVotingEvaluators, rules.EvaluationCommitteeSection);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reference-data", (string? edition, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(edition), ct))
            .RequireAuthorization(Equipment.BuildingBlocks.Auth.JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetReferenceData");
}
