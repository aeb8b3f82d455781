using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>Records a tenderer's clarification question while the tender is published.</summary>
public static class AskClarification
{
    public sealed record Command(Guid TenderId, string Question) : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Question).NotEmpty().MaximumLength(4000);
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.AskClarification(c.Question, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/clarifications", (Guid tenderId, AskClarificationRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, body.Question), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("AskClarification");
}
