using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>
/// The history of goods received notes: of one shipment (<c>shipmentId</c>) or all, found by <c>q</c> in the note's number, the
/// shipment's waybill, the contract reference or the warehouse (any case), newest receipt first unless <c>sort</c> says otherwise,
/// paged in the database. A donor's monitor sees the notes of the donor's shipments only.
/// </summary>
public static class ListGoodsReceivedNotes
{
    public static readonly string[] Sorts = ["-receivedOn", "receivedOn", "number", "-number"];

    public sealed record Query(string? DonorScope, Guid? ShipmentId, string? Q, string? Sort, int? Page, int? PageSize) : IRequest<Page<GoodsReceivedNoteSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, Page<GoodsReceivedNoteSummary>>
    {
        public async Task<Page<GoodsReceivedNoteSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var notes =
                from n in db.GoodsReceivedNotes.AsNoTracking()
                join s in db.Shipments.AsNoTracking() on n.ShipmentId equals s.Id
                where query.DonorScope == null || s.DonorCode == query.DonorScope
                where query.ShipmentId == null || n.ShipmentId == query.ShipmentId
                select new { Note = n, s.WaybillNumber, s.ContractReference };
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                notes = notes.Where(x => x.Note.Number.ToLower().Contains(text) || x.WaybillNumber.ToLower().Contains(text)
                    || x.ContractReference.ToLower().Contains(text) || x.Note.WarehouseCode.ToLower().Contains(text));
            }
            notes = (query.Sort ?? "-receivedOn") switch
            {
                "receivedOn" => notes.OrderBy(x => x.Note.ReceivedOn).ThenBy(x => x.Note.Number),
                "number" => notes.OrderBy(x => x.Note.Number),
                "-number" => notes.OrderByDescending(x => x.Note.Number),
                _ => notes.OrderByDescending(x => x.Note.ReceivedOn).ThenByDescending(x => x.Note.Number),
            };
            var page = await notes.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new Page<GoodsReceivedNoteSummary>(page.Items.Select(x =>
            {
                var n = x.Note;
                return new GoodsReceivedNoteSummary(n.Id, n.Number, n.ShipmentId, x.WaybillNumber, n.ContractId, x.ContractReference, n.WarehouseCode, n.ReceivedOn,
                    n.ReceivedBy, n.AcceptanceOn(today), n.AcceptedOn is null && n.AcceptanceOn(today) is not null,
                    n.Lines.Sum(l => l.AcceptedQuantity), n.Lines.Sum(l => l.RejectedQuantity));
            }).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/goods-received-notes", (Guid? shipmentId, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, shipmentId, q, sort, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithName("ListGoodsReceivedNotes");
}
