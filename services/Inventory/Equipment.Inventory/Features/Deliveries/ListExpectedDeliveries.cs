using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Deliveries;

public static class ListExpectedDeliveries
{
    public sealed record Query(string? DonorScope, Guid? ContractId, Guid? GrantId, int? Page, int? PageSize) : IRequest<Page<ExpectedDeliveryResponse>>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, Page<ExpectedDeliveryResponse>>
    {
        public async Task<Page<ExpectedDeliveryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.ExpectedDeliveries.AsNoTracking()
                .Where(d => query.DonorScope == null || d.DonorCode == query.DonorScope)
                .Where(d => query.ContractId == null || d.ContractId == query.ContractId)
                .Where(d => query.GrantId == null || d.GrantId == query.GrantId)
                .OrderBy(d => d.DeliveryDeadline).ThenBy(d => d.ContractReference).ThenBy(d => d.ContractLineNumber)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<ExpectedDeliveryResponse>(page.Items.Select(ExpectedDeliveryResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/expected-deliveries", (Guid? contractId, Guid? grantId, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, contractId, grantId, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.Administrator, Roles.DonorMonitor))
            .WithName("ListExpectedDeliveries");
}
