using Equipment.BuildingBlocks.Hosting;
using Equipment.Procurement.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using MediatR;

namespace Equipment.Procurement.Features.Requisitions;

/// <summary>Withdraws an open need and releases its commitment on the budget line.</summary>
public static class CancelRequisition
{
    public sealed record Command(Guid RequisitionId) : IRequest<RequisitionResponse>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Command, RequisitionResponse>
    {
        public async Task<RequisitionResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var requisition = await db.Requisitions.FindAsync([c.RequisitionId], cancellationToken)
                ?? throw new NotFoundException($"No requisition {c.RequisitionId}.");
            var grant = await db.GrantAsync(requisition.GrantId, "grantId", cancellationToken);
            requisition.Cancel(grant.BudgetLine(requisition.BudgetLineCode, "budgetLineCode"));
            await db.SaveChangesAsync(cancellationToken);
            return RequisitionResponse.From(requisition);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requisitions/{requisitionId:guid}/cancellation", (Guid requisitionId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(requisitionId), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithEntityTag<Requisition>("requisitionId")
            .WithName("CancelRequisition");
}
