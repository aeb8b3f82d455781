using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

/// <summary>
/// The global search: one term (typed, pasted or scanned) to the assets it names, in one step. Tried in order, each on an
/// index: the asset's id or its QR label's address, its serial, a shipment's waybill, a goods received note's number, a
/// contract's reference, a tender's reference (learnt from <c>procurement.contract-signed</c> v3). The first kind that
/// names an asset answers, paged and by serial; a monitor finds only their donor's assets.
/// </summary>
public static class SearchAssets
{
    public sealed record Query(string? DonorScope, string? Q, int? Page, int? PageSize) : IRequest<AssetSearchResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Q).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Type or scan a serial, a label, or a contract, tender or shipment reference.")
            .Must(q => q!.Trim().Length > 0).WithMessage("Type or scan a serial, a label, or a contract, tender or shipment reference.")
            .MaximumLength(2000).OverridePropertyName("q");
    }

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, AssetSearchResponse>
    {
        public async Task<AssetSearchResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            Paging.Checked(query.Page, query.PageSize);
            var term = query.Q!.Trim();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var assets = db.Assets.AsNoTracking();
            if (query.DonorScope is { } donor) assets = assets.Where(a => a.DonorCode == donor);
            // References are written in capitals; a term typed in lower case finds them too.
            var terms = new[] { term, term.ToUpperInvariant() }.Distinct().ToArray();

            foreach (var (match, found) in Candidates(assets, term, terms))
            {
                var page = await found.OrderBy(a => a.SerialNumber).ThenBy(a => a.Id).Select(ListAssets.Shown)
                    .ToPageAsync(query.Page, query.PageSize, cancellationToken);
                if (page.TotalCount == 0) continue;
                return new AssetSearchResponse(term, match,
                    new Page<AssetResponse>(page.Items.Select(r => r.Response(today)).ToList(), page.PageNumber, page.PageSize, page.TotalCount));
            }
            var (number, size) = Paging.Checked(query.Page, query.PageSize);
            return new AssetSearchResponse(term, null, new Page<AssetResponse>([], number, size, 0));
        }

        private IEnumerable<(AssetMatch, IQueryable<Asset>)> Candidates(IQueryable<Asset> assets, string term, string[] terms)
        {
            if (AssetAddress.IdIn(term) is { } id) yield return (AssetMatch.Id, assets.Where(a => a.Id == id));
            yield return (AssetMatch.Serial, assets.Where(a => terms.Contains(a.SerialNumber)));
            var shipped = db.GoodsReceivedNotes.Where(n => db.Shipments.Where(s => terms.Contains(s.WaybillNumber)).Select(s => s.Id).Contains(n.ShipmentId)).Select(n => n.Id);
            yield return (AssetMatch.Shipment, assets.Where(a => shipped.Contains(a.GoodsReceivedNoteId)));
            var noted = db.GoodsReceivedNotes.Where(n => terms.Contains(n.Number)).Select(n => n.Id);
            yield return (AssetMatch.GoodsReceivedNote, assets.Where(a => noted.Contains(a.GoodsReceivedNoteId)));
            yield return (AssetMatch.Contract, assets.Where(a => terms.Contains(a.ContractReference)));
            var tendered = db.ExpectedDeliveries.Where(d => d.TenderReference != null && terms.Contains(d.TenderReference)).Select(d => d.ContractId);
            yield return (AssetMatch.Tender, assets.Where(a => tendered.Contains(a.ContractId)));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/search", (string? q, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, q, page, pageSize), ct))
            .WithName("SearchAssets");
}
