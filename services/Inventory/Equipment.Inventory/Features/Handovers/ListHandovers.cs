using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Handovers;

/// <summary>
/// The history of handover certificates: found by <c>q</c> in the certificate's number, the authority that received, the place
/// (crossing point) or the waybill of a shipment whose goods it handed over (any case); <c>shipmentId</c> keeps those that handed
/// over goods of that shipment. Newest handover first unless <c>sort</c> says otherwise, paged in the database.
/// </summary>
public static class ListHandovers
{
    public static readonly string[] Sorts = ["-handedOverOn", "handedOverOn", "number", "-number", "authority", "-authority"];

    public sealed record Query(string? DonorScope, Guid? ShipmentId, string? Q, string? Sort, int? Page, int? PageSize) : IRequest<Page<HandoverSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, Page<HandoverSummary>>
    {
        public async Task<Page<HandoverSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var certificates = db.HandoverCertificates.AsNoTracking().Where(h => query.DonorScope == null || h.DonorCode == query.DonorScope);
            if (query.ShipmentId is { } shipmentId)
                certificates = certificates.Where(h => db.Assets.Any(a => a.HandoverCertificateId == h.Id
                    && db.GoodsReceivedNotes.Any(n => n.Id == a.GoodsReceivedNoteId && n.ShipmentId == shipmentId)));
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                certificates = certificates.Where(h => h.Number.ToLower().Contains(text) || h.ToAuthority.ToLower().Contains(text) || h.Place.ToLower().Contains(text)
                    || db.Assets.Any(a => a.HandoverCertificateId == h.Id && db.GoodsReceivedNotes.Any(n => n.Id == a.GoodsReceivedNoteId
                        && db.Shipments.Any(s => s.Id == n.ShipmentId && s.WaybillNumber.ToLower().Contains(text)))));
            }
            certificates = (query.Sort ?? "-handedOverOn") switch
            {
                "handedOverOn" => certificates.OrderBy(h => h.HandedOverOn).ThenBy(h => h.Number),
                "number" => certificates.OrderBy(h => h.Number),
                "-number" => certificates.OrderByDescending(h => h.Number),
                "authority" => certificates.OrderBy(h => h.ToAuthority).ThenByDescending(h => h.HandedOverOn),
                "-authority" => certificates.OrderByDescending(h => h.ToAuthority).ThenByDescending(h => h.HandedOverOn),
                _ => certificates.OrderByDescending(h => h.HandedOverOn).ThenByDescending(h => h.Number),
            };
            var page = await certificates.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<HandoverSummary>(page.Items.Select(h => new HandoverSummary(h.Id, h.Number, h.GrantId, h.HandedOverOn, h.Place, h.FromParty, h.ToAuthority,
                h.AssetIds.Count)).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/handovers", (Guid? shipmentId, string? q, string? sort, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, shipmentId, q, sort, page, pageSize), ct))
            .WithName("ListHandovers");
}
