using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>
/// Plans an end-use verification visit: a risk-based sample of the grant's deployed assets (at one crossing point or
/// across the grant), weighted by value, time since each asset was last seen, and earlier adverse findings. The same
/// seed gives the same sample; without one, a seed is drawn and kept on the visit.
/// </summary>
public static class PlanVisit
{
    /// <summary>Weights are relative: a thousand times another is plenty, and no sum of them overflows (found by the fuzz suite: 7.9e28 was taken).</summary>
    public const double MaxWeight = 1000;

    public sealed record Command(Guid GrantId, string? DonorScope, string? CrossingPointCode, DateOnly? PlannedFor, int? SampleSize, int? Seed, SampleWeights? Weights)
        : IRequest<VisitResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PlannedFor).NotNull();
            RuleFor(c => c.SampleSize).NotNull().InclusiveBetween(1, 500);
            RuleFor(c => c.Weights!.Value).InclusiveBetween(0, MaxWeight).When(c => c.Weights is not null);
            RuleFor(c => c.Weights!.TimeSinceLastVisit).InclusiveBetween(0, MaxWeight).When(c => c.Weights is not null);
            RuleFor(c => c.Weights!.EarlierFindings).InclusiveBetween(0, MaxWeight).When(c => c.Weights is not null);
        }
    }

    public sealed class Handler(ReportingDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, VisitResponse>
    {
        private static readonly Finding[] Adverse = [Finding.Relocated, Finding.NotFound, Finding.Unused, Finding.Misused];

        public async Task<VisitResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(c.GrantId, c.DonorScope, cancellationToken);
            if (c.CrossingPointCode is { } code && grant.CrossingPoints.All(p => p.Code != code))
                throw new RuleViolationException("crossingPointCode", "AgreedCrossingPoint", $"'{code}' is not an agreed crossing point of grant {grant.Reference}.");
            var deployed = await db.TrackedAssets.AsNoTracking()
                .Where(a => a.GrantId == grant.Id && a.CrossingPointCode != null && a.Disposal == null)
                .Where(a => c.CrossingPointCode == null || a.CrossingPointCode == c.CrossingPointCode)
                .ToListAsync(cancellationToken);
            if (deployed.Count == 0)
                throw new ConflictException($"Grant {grant.Reference} has no deployed asset{(c.CrossingPointCode is null ? "" : $" at {c.CrossingPointCode}")} to verify.", "SomethingToVerify");

            var earlier = (await db.Visits.AsNoTracking().Where(v => v.GrantId == grant.Id && v.Status == VisitStatus.Recorded).ToListAsync(cancellationToken))
                .SelectMany(v => v.Findings.Select(f => (f.AssetId, v.VisitedOn!.Value, f.Finding))).ToLookup(f => f.AssetId);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var candidates = deployed.Select(a =>
            {
                var seen = earlier[a.AssetId].ToList();
                var since = seen.Count > 0 ? seen.Max(s => s.Value) : a.DeployedOn ?? today;
                return new RiskSample.Candidate(a.AssetId, a.UnitValue ?? 0, Math.Max(today.DayNumber - since.DayNumber, 0), seen.Count(s => Adverse.Contains(s.Finding)));
            }).ToList();

            var seed = c.Seed ?? Random.Shared.Next();
            var weights = c.Weights ?? new SampleWeights(1, 1, 2);
            var visit = VerificationVisit.Plan(grant, c.CrossingPointCode, c.PlannedFor!.Value, user.Name, seed, weights,
                RiskSample.Draw(candidates, c.SampleSize!.Value, weights, seed));
            db.Visits.Add(visit);
            await db.SaveChangesAsync(cancellationToken);
            return VisitResponse.From(visit);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/grants/{grantId:guid}/visits", async (Guid grantId, PlanVisitRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
            {
                var visit = await mediator.Send(new Command(grantId, user.DonorScope, body.CrossingPointCode, body.PlannedFor, body.SampleSize, body.Seed, body.Weights), ct);
                return TypedResults.Created($"/api/reporting/visits/{visit.Id}", visit);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator))
            .WithName("PlanVisit");
}
