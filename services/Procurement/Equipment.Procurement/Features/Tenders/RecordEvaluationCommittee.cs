using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>
/// Records the tender's evaluation committee, or replaces it as a whole, until a lot's bids are opened (then 409 naming
/// the lot's state). Under the current PRAG edition the bids cannot be opened without it. The committee's rules (an odd
/// number of voting evaluators, at least the edition's minimum; every member's declaration signed; nobody twice; neither
/// chair nor secretary voting) are the tender's own, so a refusal names the field and the rule.
/// </summary>
public static class RecordEvaluationCommittee
{
    public const int MaxEvaluators = 25;

    public sealed record Command(Guid TenderId, CommitteeMemberInput? Chair, CommitteeMemberInput? Secretary, IReadOnlyList<CommitteeMemberInput>? Evaluators)
        : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Chair).NotNull();
            RuleFor(c => c.Chair!).ChildRules(Member).When(c => c.Chair is not null);
            RuleFor(c => c.Secretary).NotNull();
            RuleFor(c => c.Secretary!).ChildRules(Member).When(c => c.Secretary is not null);
            RuleFor(c => c.Evaluators).NotNull().Must(e => e is null || e.Count <= MaxEvaluators)
                .WithMessage($"A committee has at most {MaxEvaluators} voting evaluators.");
            RuleForEach(c => c.Evaluators).ChildRules(Member);
        }

        private static void Member(InlineValidator<CommitteeMemberInput> m)
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.Position).MaximumLength(200);
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.RecordEvaluationCommittee(c.Chair, c.Secretary, c.Evaluators, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/tenders/{tenderId:guid}/evaluation-committee", (Guid tenderId, RecordEvaluationCommitteeRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, body.Chair, body.Secretary, body.Evaluators), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("RecordEvaluationCommittee");
}
