using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Deliveries;

/// <summary>
/// The contract lines inventory expects: of a contract or grant, only those with units still outstanding (<c>outstanding=true</c>:
/// fewer accepted than contracted), found by <c>q</c> in the contract reference, supplier, item or destination (any case),
/// only those past their deadline and still outstanding (<c>overdue=true</c>), only those bound for one crossing point or
/// warehouse (<c>destination</c>), earliest deadline first (so the overdue lead) unless <c>sort</c> says otherwise, paged
/// in the database.
/// </summary>
public static class ListExpectedDeliveries
{
    public static readonly string[] Sorts = ["deadline", "-deadline", "contract", "-contract", "supplier", "-supplier"];

    public sealed record Query(string? DonorScope, Guid? ContractId, Guid? GrantId, int? Page, int? PageSize, bool? Outstanding = null, string? Q = null, string? Sort = null,
        bool? Overdue = null, string? Destination = null) : IRequest<Page<ExpectedDeliveryResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Destination).MaximumLength(100);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<ExpectedDeliveryResponse>>
    {
        public async Task<Page<ExpectedDeliveryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var lines = db.ExpectedDeliveries.AsNoTracking()
                .Where(d => query.DonorScope == null || d.DonorCode == query.DonorScope)
                .Where(d => query.ContractId == null || d.ContractId == query.ContractId)
                .Where(d => query.GrantId == null || d.GrantId == query.GrantId);
            if (query.Outstanding is { } outstanding)
                lines = lines.Where(d => (d.QuantityAccepted < d.QuantityExpected) == outstanding);
            if (query.Overdue is { } overdue)
            {
                // Overdue from the day after the deadline while units are outstanding, as the attention list says.
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                lines = overdue
                    ? lines.Where(d => d.DeliveryDeadline < today && d.QuantityAccepted < d.QuantityExpected)
                    : lines.Where(d => d.DeliveryDeadline >= today || d.QuantityAccepted >= d.QuantityExpected);
            }
            if (!string.IsNullOrWhiteSpace(query.Destination))
            {
                var destination = query.Destination.Trim();
                lines = lines.Where(d => d.DestinationCrossingPointCode == destination || d.DestinationWarehouse == destination);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                lines = lines.Where(d => d.ContractReference.ToLower().Contains(text) || d.SupplierName.ToLower().Contains(text) || d.Description.ToLower().Contains(text)
                    || (d.DestinationCrossingPointCode != null && d.DestinationCrossingPointCode.ToLower().Contains(text))
                    || (d.DestinationWarehouse != null && d.DestinationWarehouse.ToLower().Contains(text)));
            }
            lines = (query.Sort ?? "deadline") switch
            {
                "-deadline" => lines.OrderByDescending(d => d.DeliveryDeadline).ThenBy(d => d.ContractReference).ThenBy(d => d.ContractLineNumber),
                "contract" => lines.OrderBy(d => d.ContractReference).ThenBy(d => d.ContractLineNumber),
                "-contract" => lines.OrderByDescending(d => d.ContractReference).ThenBy(d => d.ContractLineNumber),
                "supplier" => lines.OrderBy(d => d.SupplierName).ThenBy(d => d.DeliveryDeadline).ThenBy(d => d.ContractLineNumber),
                "-supplier" => lines.OrderByDescending(d => d.SupplierName).ThenBy(d => d.DeliveryDeadline).ThenBy(d => d.ContractLineNumber),
                _ => lines.OrderBy(d => d.DeliveryDeadline).ThenBy(d => d.ContractReference).ThenBy(d => d.ContractLineNumber),
            };
            var page = await lines.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<ExpectedDeliveryResponse>(page.Items.Select(ExpectedDeliveryResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/expected-deliveries", (Guid? contractId, Guid? grantId, bool? outstanding, bool? overdue, string? destination, string? q, string? sort, int? page,
                    int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, contractId, grantId, page, pageSize, outstanding, q, sort, overdue, destination), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.Administrator, Roles.DonorMonitor))
            .WithName("ListExpectedDeliveries");
}
