using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Hosting;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>
/// Completes a visit whose findings were saved one asset at a time (<c>POST /visits/{visitId}/completion</c>): every sampled asset
/// has one; publishes <c>reporting.verification-recorded</c>, as recording all findings at once does.
/// </summary>
public static class CompleteVisit
{
    public sealed record Command(Guid VisitId, string? DonorScope, DateOnly? VisitedOn, IReadOnlyList<FollowUp>? FollowUps) : IRequest<VisitResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VisitedOn).NotNull();
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
            visit.Complete(c.VisitedOn!.Value, c.FollowUps ?? [], DateOnly.FromDateTime(now.UtcDateTime), await RecordVisit.FirstDeployedAsync(db, visit, cancellationToken));
            RecordVisit.Announce(db, visit, now);
            await db.SaveChangesAsync(cancellationToken);
            return VisitResponse.From(visit);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/visits/{visitId:guid}/completion", (Guid visitId, CompleteVisitRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Command(visitId, user.DonorScope, body.VisitedOn, body.FollowUps), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator))
            .WithEntityTag<VerificationVisit>("visitId")
            .WithName("CompleteVisit");
}
