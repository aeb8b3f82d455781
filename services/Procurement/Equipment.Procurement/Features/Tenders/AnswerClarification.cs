using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>Answers a clarification question, once, while the tender is published.</summary>
public static class AnswerClarification
{
    public sealed record Command(Guid TenderId, int Number, string Answer) : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(4000);
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.AnswerClarification(c.Number, c.Answer, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/clarifications/{number:int}/answer", (Guid tenderId, int number, AnswerClarificationRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, number, body.Answer), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("AnswerClarification");
}
