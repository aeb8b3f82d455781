using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>Marks a visit's follow-up done (who, when, what came of it): it is then no longer open, nor listed as needing attention.</summary>
public static class CompleteFollowUp
{
    public sealed record Command(Guid VisitId, int Number, string? DonorScope, string By, DateOnly? DoneOn, string? Outcome) : IRequest<VisitResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DoneOn).NotNull();
            RuleFor(c => c.Outcome).NotEmpty().WithMessage("Say what was done.");
        }
    }

    public sealed class Handler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Command, VisitResponse>
    {
        public async Task<VisitResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == c.VisitId && (c.DonorScope == null || v.DonorCode == c.DonorScope), cancellationToken)
                ?? throw new NotFoundException($"No verification visit {c.VisitId}.");
            visit.CompleteFollowUp(c.Number, c.DoneOn!.Value, c.By, c.Outcome!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            return VisitResponse.From(visit);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/visits/{visitId:guid}/follow-ups/{number:int}/completion", (Guid visitId, int number, CompleteFollowUpRequest body, IMediator mediator,
                CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Command(visitId, number, user.DonorScope, user.Name, body.DoneOn, body.Outcome), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator))
            .WithEntityTag<VerificationVisit>("visitId")
            .WithName("CompleteFollowUp");
}
