using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>
/// Builds a draft tender from whole open requisitions grouped into lots. The procedure follows from the value of all
/// lots together under the PRAG rule set in force; splitting a need across tenders to stay under a threshold is refused.
/// </summary>
public static class CreateTender
{
    public sealed record Command(
        string Reference, string Title, Guid? GrantId, IReadOnlyList<LotInput>? Lots, AwardMethod? AwardMethod, int? PriceWeight,
        IReadOnlyList<AwardCriterion>? QualityCriteria, IReadOnlyList<Guid>? InvitedSupplierIds) : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(80);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.GrantId).NotNull().NotEqual(Guid.Empty);
            RuleFor(c => c.AwardMethod).NotNull();
            RuleFor(c => c.Lots).NotEmpty();
            RuleForEach(c => c.Lots).ChildRules(l =>
            {
                l.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
                l.RuleFor(x => x.RequisitionIds).NotEmpty();
            });
            RuleForEach(c => c.QualityCriteria).ChildRules(q =>
            {
                q.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
                q.RuleFor(x => x.Weight).InclusiveBetween(1, 99);
            });
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        private static readonly TimeSpan SplittingWindow = TimeSpan.FromDays(365);

        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var grant = await db.GrantAsync(c.GrantId!.Value, "grantId", cancellationToken);
            if (await db.Tenders.AnyAsync(t => t.Reference == c.Reference, cancellationToken))
                throw new ConflictException($"A tender with reference '{c.Reference}' already exists.", "UniqueTenderReference");
            var rules = await db.RulesInForceAsync(now, cancellationToken);

            var ids = c.Lots!.SelectMany(l => l.RequisitionIds!).Distinct().ToList();
            var requisitions = await db.Requisitions.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var missing = ids.FirstOrDefault(id => !requisitions.ContainsKey(id));
            if (missing != Guid.Empty)
                throw new RuleViolationException("lots", "KnownRequisition", $"No requisition {missing}.");

            var lots = c.Lots!.Select(l => (l.Title, (IReadOnlyList<Requisition>)l.RequisitionIds!.Select(id => requisitions[id]).ToList())).ToList();
            await RefuseSplittingAsync(grant, lots.SelectMany(l => l.Item2).ToList(), rules, now, cancellationToken);

            var tender = Tender.Create(c.Reference, c.Title, grant, lots, c.AwardMethod!.Value, c.PriceWeight ?? 0,
                c.QualityCriteria ?? [], c.InvitedSupplierIds ?? [], rules, now);
            var invited = tender.InvitedSupplierIds;
            if (invited.Count > 0 && await db.Suppliers.CountAsync(s => invited.Contains(s.Id), cancellationToken) != invited.Count)
                throw new RuleViolationException("invitedSupplierIds", "RegisteredSupplier", "Every invited supplier must be registered.");

            db.Tenders.Add(tender);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }

        /// <summary>
        /// PRAG forbids splitting a purchase to escape a procedure: the same grant's other live tenders for the same
        /// item categories in the past year, taken together with this one, may not call for a stricter procedure than
        /// any of them was run under.
        /// </summary>
        private async Task RefuseSplittingAsync(KnownGrant grant, IReadOnlyList<Requisition> requisitions, ProcedureRuleSet rules, DateTime now, CancellationToken cancellationToken)
        {
            var categories = requisitions.Select(r => r.ItemCategory).ToHashSet();
            var since = now - SplittingWindow;
            var siblings = (await db.Tenders.AsNoTracking()
                    .Where(t => t.GrantId == grant.GrantId && t.CreatedAt >= since && t.CancelledAt == null)
                    .ToListAsync(cancellationToken))
                .Where(t => t.Lots.Any(l => l.Status != LotStatus.Cancelled && l.Lines.Any(x => categories.Contains(x.ItemCategory))))
                .ToList();
            if (siblings.Count == 0) return;

            var value = requisitions.Sum(r => r.EstimatedValue);
            var combined = rules.For(value + siblings.Sum(t => t.EstimatedValue));
            var strictestRun = siblings.Select(t => rules.For(t.Procedure).Strictness).Append(rules.For(value).Strictness).Max();
            if (combined.Strictness > strictestRun)
                throw new ConflictException(
                    $"Together with {string.Join(", ", siblings.Select(t => $"{t.Reference} ({t.EstimatedValue:N2} EUR)"))} for the same items under grant {grant.Reference}, " +
                    $"this need is worth {value + siblings.Sum(t => t.EstimatedValue):N2} EUR and calls for a {combined.Procedure}: splitting it to stay under the threshold is refused.",
                    "NoSplitting");
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders", async (CreateTenderRequest b, IMediator mediator, CancellationToken ct) =>
            {
                var tender = await mediator.Send(new Command(b.Reference, b.Title, b.GrantId, b.Lots, b.AwardMethod, b.PriceWeight, b.QualityCriteria, b.InvitedSupplierIds), ct);
                return TypedResults.Created($"/api/procurement/tenders/{tender.Id}", tender);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("CreateTender");
}
