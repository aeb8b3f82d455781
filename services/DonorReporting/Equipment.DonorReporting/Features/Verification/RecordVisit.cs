using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>Records what the monitor found of every sampled asset, and the follow-ups; publishes <c>reporting.verification-recorded</c>.</summary>
public static class RecordVisit
{
    public sealed record Command(Guid VisitId, string? DonorScope, DateOnly? VisitedOn, IReadOnlyList<AssetObservation>? Findings, IReadOnlyList<FollowUp>? FollowUps)
        : IRequest<VisitResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VisitedOn).NotNull();
            RuleFor(c => c.Findings).NotEmpty();
            RuleForEach(c => c.Findings).ChildRules(f =>
            {
                f.RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
                f.RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
                f.RuleFor(x => x.Note).NotEmpty().When(x => x.Finding is Finding.Misused or Finding.NotFound)
                    .WithMessage("Say what was seen when an asset is misused or not found.");
            });
            RuleForEach(c => c.FollowUps).ChildRules(f =>
            {
                f.RuleFor(x => x.Action).NotEmpty();
                f.RuleFor(x => x.Owner).NotEmpty();
                f.RuleFor(x => x.DoneOn).Null().WithMessage("A follow-up is recorded open; it is marked done with its own request.");
                f.RuleFor(x => x.DoneBy).Null();
                f.RuleFor(x => x.Outcome).Null();
            });
        }
    }

    public sealed class Handler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Command, VisitResponse>
    {
        public async Task<VisitResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == c.VisitId && (c.DonorScope == null || v.DonorCode == c.DonorScope), cancellationToken)
                ?? throw new NotFoundException($"No verification visit {c.VisitId}.");
            var now = clock.GetUtcNow();
            visit.Record(c.VisitedOn!.Value, c.Findings!, c.FollowUps ?? [], DateOnly.FromDateTime(now.UtcDateTime), await FirstDeployedAsync(db, visit, cancellationToken));
            Announce(db, visit, now);
            await db.SaveChangesAsync(cancellationToken);
            return VisitResponse.From(visit);
        }
    }

    /// <summary>What reporting knows of each sampled asset's first deployment (a visit cannot have found it there before).</summary>
    internal static async Task<Dictionary<Guid, DateOnly>> FirstDeployedAsync(ReportingDbContext db, VerificationVisit visit, CancellationToken cancellationToken)
    {
        var sampled = visit.SampledAssetIds.ToList();
        return (await db.TrackedAssets.AsNoTracking().Where(a => sampled.Contains(a.AssetId) && a.FirstDeployedOn != null)
                .Select(a => new { a.AssetId, a.FirstDeployedOn }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.AssetId, a => a.FirstDeployedOn!.Value);
    }

    /// <summary>Publishes <c>reporting.verification-recorded</c> for a visit just recorded.</summary>
    internal static void Announce(ReportingDbContext db, VerificationVisit visit, DateTimeOffset now) =>
        db.Publish(new VerificationRecorded(visit.Id, visit.GrantId,
            visit.CrossingPointCode ?? "", visit.VisitedOn!.Value, visit.Monitor,
            visit.Findings.Select(f => new AssetFinding(f.AssetId, f.Finding, f.Note)).ToList()) { OccurredAt = now });

    /// <summary>Visits hold exact positions of border equipment and what monitors found: only monitors (their donor's) and administrators read them.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var monitors = JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator);
        api.MapPost("/visits/{visitId:guid}/findings", (Guid visitId, RecordVisitRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Command(visitId, user.DonorScope, body.VisitedOn, body.Findings, body.FollowUps), ct))
            .RequireAuthorization(monitors)
            .WithEntityTag<VerificationVisit>("visitId")
            .WithName("RecordVisit");
        api.MapGet("/visits/{visitId:guid}", async (Guid visitId, ReportingDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId && (user.DonorScope == null || v.DonorCode == user.DonorScope), ct)
                    ?? throw new NotFoundException($"No verification visit {visitId}.");
                var sampled = visit.SampledAssetIds.ToList();
                var photos = await db.TrackedAssets.AsNoTracking().Where(a => sampled.Contains(a.AssetId) && a.ReceiptPhotoId != null)
                    .Select(a => new ReceiptPhoto(a.AssetId, a.ReceiptPhotoId!.Value)).ToListAsync(ct);
                return VisitResponse.From(visit) with { ReceiptPhotos = photos };
            })
            .RequireAuthorization(monitors)
            .WithEntityTag<VerificationVisit>("visitId")
            .WithName("GetVisit");
    }
}
