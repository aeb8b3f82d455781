using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Features.Tenders;
using MediatR;
using Microsoft.Extensions.Options;

namespace Equipment.Procurement.Features.Awards;

/// <summary>Notifies the proposed award to the tenderers: the standstill runs for the configured days from the notification.</summary>
public static class StartStandstill
{
    public sealed record Command(Guid TenderId, int LotNumber, DateOnly? NotifiedOn) : IRequest<TenderResponse>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock, IOptions<ProcurementOptions> options) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var notifiedOn = c.NotifiedOn ?? today;
            if (notifiedOn > today)
                throw new Equipment.BuildingBlocks.Errors.RuleViolationException("notifiedOn", "NotInFuture", "The tenderers are notified on a day that has come.");
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.StartStandstill(tender.Lot(c.LotNumber), notifiedOn, options.Value.StandstillDays);
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/standstill", (Guid tenderId, int lotNumber, StartStandstillRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, lotNumber, body.NotifiedOn), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("StartStandstill");
}
