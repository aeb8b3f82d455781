using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Features.Tenders;
using MediatR;

namespace Equipment.Procurement.Features.Awards;

/// <summary>Opens the evaluation of a lot whose submission has closed.</summary>
public static class StartEvaluation
{
    public sealed record Command(Guid TenderId, int LotNumber) : IRequest<TenderResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.StartEvaluation(tender.Lot(c.LotNumber));
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/evaluation", (Guid tenderId, int lotNumber, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, lotNumber), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("StartEvaluation");
}
