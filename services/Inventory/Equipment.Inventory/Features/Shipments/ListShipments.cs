using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Shipments;

/// <summary>
/// Every shipment, received ones too: filtered by contract and status, found by <c>q</c> in the waybill number, the contract
/// reference or the carrier (any case), sorted (newest dispatch first unless <c>sort</c> says otherwise) and paged in the database.
/// </summary>
public static class ListShipments
{
    public static readonly string[] Sorts = ["-dispatchedOn", "dispatchedOn", "waybill", "-waybill", "estimatedArrival", "-estimatedArrival"];

    public sealed record Query(string? DonorScope, Guid? ContractId, ShipmentStatus? Status, string? Q, string? Sort, int? Page, int? PageSize)
        : IRequest<Page<ShipmentResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, Page<ShipmentResponse>>
    {
        public async Task<Page<ShipmentResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var shipments = db.Shipments.AsNoTracking()
                .Where(s => query.DonorScope == null || s.DonorCode == query.DonorScope)
                .Where(s => query.ContractId == null || s.ContractId == query.ContractId)
                .Where(s => query.Status == null || s.Status == query.Status);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                shipments = shipments.Where(s => s.WaybillNumber.ToLower().Contains(text) || s.ContractReference.ToLower().Contains(text) || s.Carrier.ToLower().Contains(text));
            }
            var page = await Sorted(shipments, query.Sort).ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<ShipmentResponse>(page.Items.Select(ShipmentResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }

        private static IQueryable<Shipment> Sorted(IQueryable<Shipment> shipments, string? sort) => (sort ?? "-dispatchedOn") switch
        {
            "dispatchedOn" => shipments.OrderBy(s => s.DispatchedOn).ThenBy(s => s.WaybillNumber),
            "waybill" => shipments.OrderBy(s => s.WaybillNumber),
            "-waybill" => shipments.OrderByDescending(s => s.WaybillNumber),
            "estimatedArrival" => shipments.OrderBy(s => s.EstimatedArrival).ThenBy(s => s.WaybillNumber),
            "-estimatedArrival" => shipments.OrderByDescending(s => s.EstimatedArrival).ThenBy(s => s.WaybillNumber),
            _ => shipments.OrderByDescending(s => s.DispatchedOn).ThenBy(s => s.WaybillNumber),
        };
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/shipments", (Guid? contractId, ShipmentStatus? status, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user,
                    CancellationToken ct) => mediator.Send(new Query(user.DonorScope, contractId, status, q, sort, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithName("ListShipments");

        api.MapGet("/shipments/{shipmentId:guid}", async (Guid shipmentId, InventoryDbContext db, CurrentUser user, CancellationToken ct) =>
                ShipmentResponse.From(await db.Shipments.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Id == shipmentId && (user.DonorScope == null || s.DonorCode == user.DonorScope), ct)
                    ?? throw new NotFoundException($"No shipment {shipmentId}.")))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithEntityTag<Shipment>("shipmentId")
            .WithName("GetShipment");
    }
}
