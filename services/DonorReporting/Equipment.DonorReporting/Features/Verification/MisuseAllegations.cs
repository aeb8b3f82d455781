using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>The misuse allegations register: entries are recorded, investigated and concluded, never deleted.</summary>
public static class MisuseAllegations
{
    public sealed record Report(Guid GrantId, string? DonorScope, Guid? AssetId, string ReportedBy, string Allegation) : IRequest<AllegationResponse>;

    public sealed record Update(Guid AllegationId, string? DonorScope, AllegationStatus? Status, string? Outcome) : IRequest<AllegationResponse>;

    public sealed class ReportValidator : AbstractValidator<Report>
    {
        public ReportValidator()
        {
            RuleFor(c => c.ReportedBy).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Allegation).NotEmpty().MaximumLength(4000);
        }
    }

    public sealed class UpdateValidator : AbstractValidator<Update>
    {
        public UpdateValidator() => RuleFor(c => c.Status).NotNull();
    }

    public sealed class ReportHandler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Report, AllegationResponse>
    {
        public async Task<AllegationResponse> Handle(Report c, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(c.GrantId, c.DonorScope, cancellationToken);
            var allegation = new MisuseAllegation(grant.Id, grant.DonorCode, c.AssetId, c.ReportedBy, c.Allegation, clock.GetUtcNow().UtcDateTime);
            db.Allegations.Add(allegation);
            await db.SaveChangesAsync(cancellationToken);
            return AllegationResponse.From(allegation);
        }
    }

    public sealed class UpdateHandler(ReportingDbContext db) : IRequestHandler<Update, AllegationResponse>
    {
        public async Task<AllegationResponse> Handle(Update c, CancellationToken cancellationToken)
        {
            var allegation = await db.Allegations.SingleOrDefaultAsync(a => a.Id == c.AllegationId && (c.DonorScope == null || a.DonorCode == c.DonorScope), cancellationToken)
                ?? throw new NotFoundException($"No allegation {c.AllegationId}.");
            allegation.Update(c.Status!.Value, c.Outcome);
            await db.SaveChangesAsync(cancellationToken);
            return AllegationResponse.From(allegation);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        var writers = JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator);
        api.MapPost("/grants/{grantId:guid}/allegations", async (Guid grantId, ReportAllegationRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
            {
                var allegation = await mediator.Send(new Report(grantId, user.DonorScope, body.AssetId, body.ReportedBy, body.Allegation), ct);
                return TypedResults.Created($"/api/reporting/allegations/{allegation.Id}", allegation);
            })
            .RequireAuthorization(writers).WithName("ReportAllegation");
        api.MapPost("/allegations/{allegationId:guid}/status", (Guid allegationId, UpdateAllegationRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Update(allegationId, user.DonorScope, body.Status, body.Outcome), ct))
            .RequireAuthorization(writers).WithEntityTag<MisuseAllegation>("allegationId").WithName("UpdateAllegation");
        api.MapGet("/grants/{grantId:guid}/allegations", async (Guid grantId, ReportingDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                return (await db.Allegations.AsNoTracking().Where(a => a.GrantId == grant.Id).OrderByDescending(a => a.ReceivedAt).ToListAsync(ct)).Select(AllegationResponse.From).ToList();
            })
            .RequireAuthorization(writers).WithName("ListAllegations");
    }
}
