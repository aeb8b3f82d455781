using Equipment.BuildingBlocks.Hosting;
using System.Text.Json;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Tracking;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>
/// Amends a grant agreement (a rider): what is given replaces what was, what is omitted stays. The new version is kept
/// beside the earlier ones and published as <c>reporting.grant-amended</c> so procurement and inventory follow it.
/// </summary>
public static class AmendGrant
{
    public sealed record Command(
        Guid GrantId,
        int? ExpectedVersion,
        DateOnly? EffectiveOn,
        string Reason,
        string? Title = null,
        decimal? Amount = null,
        DateOnly? EndDate = null,
        string? ImplementingPartner = null,
        IReadOnlyList<CrossingPointInput>? CrossingPoints = null,
        IReadOnlyList<BudgetLineInput>? BudgetLines = null,
        IReadOnlyList<IndicatorInput>? Indicators = null,
        IReadOnlyList<string>? EligibleNationalities = null) : IRequest<GrantResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ExpectedVersion).NotNull().GreaterThanOrEqualTo(1)
                .WithMessage("'Expected Version' names the version being amended, so two riders cannot silently overwrite each other.");
            RuleFor(c => c.EffectiveOn).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
            RuleFor(c => c.Title).MaximumLength(300);
            RuleFor(c => c.Amount).GreaterThan(0);
            RuleFor(c => c.ImplementingPartner).MaximumLength(200);
            RuleForEach(c => c.CrossingPoints).SetValidator(new CrossingPointInputValidator());
            RuleForEach(c => c.BudgetLines).SetValidator(new BudgetLineInputValidator());
            RuleForEach(c => c.Indicators).SetValidator(new IndicatorInputValidator());
            RuleForEach(c => c.EligibleNationalities).Must(RegisterGrant.IsCountryCode).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code.");
        }
    }

    public sealed class Handler(ReportingDbContext db, TimeProvider clock, CurrentUser user) : IRequestHandler<Command, GrantResponse>
    {
        public async Task<GrantResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == c.GrantId, cancellationToken)
                ?? throw new NotFoundException($"No grant {c.GrantId}.");
            if (grant.Version != c.ExpectedVersion)
                throw new ConflictException($"Grant {grant.Reference} is at version {grant.Version}, not {c.ExpectedVersion}: read the current version and amend that.", "CurrentVersion");
            if (c.EffectiveOn < grant.StartDate)
                throw new RuleViolationException("effectiveOn", "WithinGrantPeriod", $"Grant {grant.Reference} starts on {grant.StartDate:yyyy-MM-dd}.");

            var endDate = grant.EndDate;
            grant.Amend(c.Title, c.Amount, c.EndDate, c.ImplementingPartner,
                c.CrossingPoints?.Select(p => p.ToCrossingPoint()).ToList(),
                c.BudgetLines?.Select(l => l.ToBudgetLine()).ToList(),
                c.Indicators?.Select(i => i.ToIndicator()).ToList(),
                c.EligibleNationalities);

            var now = clock.GetUtcNow();
            db.GrantVersions.Add(GrantVersions.Snapshot(grant, c.EffectiveOn!.Value, c.Reason, user.Name, now.UtcDateTime));
            db.Publish(new GrantAmended(grant.Id, grant.Reference, grant.DonorCode, grant.Version, c.EffectiveOn!.Value, c.Reason,
                grant.Title, grant.Amount, grant.Currency, grant.EndDate, grant.ImplementingPartner,
                GrantVersions.AgreedCrossingPoints(grant), GrantVersions.BudgetLines(grant), grant.EligibleNationalities) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);      // a rider saved meanwhile fails the version token: 409 ConcurrentChange
            // Availability is cut at the grant's end: a new end recomputes its assets' figure columns (until then the
            // summary reads their histories, so the figures are right meanwhile, and after a crash here too).
            if (grant.EndDate != endDate) await db.RefreshStaleFiguresAsync(grant.Id, cancellationToken);
            return GrantResponse.From(grant);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/grants/{grantId:guid}/amendments", async (Guid grantId, AmendGrantRequest b, IMediator mediator, CancellationToken ct) =>
            {
                var grant = await mediator.Send(new Command(grantId, b.ExpectedVersion, b.EffectiveOn, b.Reason ?? "", b.Title, b.Amount, b.EndDate,
                    b.ImplementingPartner, b.CrossingPoints, b.BudgetLines, b.Indicators, b.EligibleNationalities), ct);
                return TypedResults.Created($"/api/reporting/grants/{grant.Id}/versions/{grant.Version}", grant);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.Administrator))
            .WithEntityTag<Grant>("grantId")
            .WithName("AmendGrant");

        api.MapGet("/grants/{grantId:guid}/versions", async (Guid grantId, ReportingDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                var versions = await db.GrantVersions.AsNoTracking().Where(v => v.GrantId == grant.Id).OrderBy(v => v.Version).ToListAsync(ct);
                return versions.Select(v => new GrantVersionResponse(v.Version, v.EffectiveOn, v.Reason, v.RecordedBy, v.RecordedAt,
                    JsonSerializer.Deserialize<GrantResponse>(v.Snapshot, EventJson.Options)!)).ToList();
            })
            .WithName("ListGrantVersions");
    }
}

public static class GrantVersions
{
    public static GrantVersion Snapshot(Grant grant, DateOnly effectiveOn, string reason, string by, DateTime nowUtc) =>
        new(grant.Id, grant.Version, effectiveOn, reason, by, nowUtc, JsonSerializer.Serialize(GrantResponse.From(grant), EventJson.Options));

    public static List<CrossingPoint> AgreedCrossingPoints(Grant grant) =>
        [.. grant.CrossingPoints];

    public static List<BudgetLine> BudgetLines(Grant grant) =>
        [.. grant.BudgetLines];
}
