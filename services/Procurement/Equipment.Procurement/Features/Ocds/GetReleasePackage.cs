using System.Text.Json;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Equipment.Procurement.Features.Ocds;

/// <summary>
/// <c>GET /api/procurement/ocds/releases</c>: an OCDS 1.1.5 release package with one release per stage of each tender:
/// planning, tender, tender cancellation, award per lot, contract, contract amendments and implementation (deliveries).
/// Written straight to the response, 100 tenders at a time. Bid prices and unsuccessful bidders never appear.
/// </summary>
public static class GetReleasePackage
{
    private const int Batch = 100;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ocds/releases", async (HttpContext context, ProcurementDbContext db, IOptions<ProcurementOptions> options, CurrentUser user, TimeProvider clock) =>
            {
                context.Response.ContentType = "application/json";
                await WriteAsync(context.Response.Body, db, options.Value, user.DonorScope, clock.GetUtcNow().UtcDateTime, context.RequestAborted);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetOcdsReleasePackage");

    public static async Task WriteAsync(Stream output, ProcurementDbContext db, ProcurementOptions options, string? donorScope, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("uri", $"{options.PublisherUri.TrimEnd('/')}/api/procurement/ocds/releases");
        json.WriteString("version", "1.1");
        json.WriteString("publishedDate", Date(nowUtc));
        json.WriteStartObject("publisher");
        json.WriteString("name", options.PublisherName);
        json.WriteString("uri", options.PublisherUri);
        json.WriteEndObject();
        json.WriteStartArray("releases");

        var grants = await db.KnownGrants.AsNoTracking().ToDictionaryAsync(g => g.GrantId, cancellationToken);
        DateTime? afterCreated = null;
        var afterId = Guid.Empty;
        while (true)
        {
            var query = db.Tenders.AsNoTracking().Where(t => donorScope == null || t.DonorCode == donorScope);
            if (afterCreated is { } created)
                query = query.Where(t => t.CreatedAt > created || (t.CreatedAt == created && t.Id.CompareTo(afterId) > 0));
            var tenders = await query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            if (tenders.Count == 0) break;

            var tenderIds = tenders.Select(t => t.Id).ToList();
            var awardedBidIds = tenders.SelectMany(t => t.Lots).Where(l => l.AwardedAt is not null && l.ProposedBidId is not null).Select(l => l.ProposedBidId!.Value).ToList();
            var bids = await db.Bids.AsNoTracking().Where(b => awardedBidIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
            var supplierIds = bids.Values.Select(b => b.SupplierId).Distinct().ToList();
            var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var contracts = (await db.Contracts.AsNoTracking().Where(c => tenderIds.Contains(c.TenderId)).ToListAsync(cancellationToken)).ToLookup(c => c.TenderId);
            var contractIds = contracts.SelectMany(g => g).Select(c => c.Id).ToList();
            var milestones = (await db.DeliveryMilestones.AsNoTracking().Where(m => contractIds.Contains(m.ContractId)).ToListAsync(cancellationToken)).ToLookup(m => m.ContractId);

            foreach (var tender in tenders)
            {
                tender.Refresh(nowUtc);
                var release = new ReleaseContext(json, $"{options.OcidPrefix}-{tender.Id}", tender, grants.GetValueOrDefault(tender.GrantId), bids, suppliers);
                release.WriteAll(contracts[tender.Id].ToList(), milestones);
            }
            await json.FlushAsync(cancellationToken);
            afterCreated = tenders[^1].CreatedAt;
            afterId = tenders[^1].Id;
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    internal static string Date(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");
    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd") + "T00:00:00Z";

    private sealed class ReleaseContext(Utf8JsonWriter json, string ocid, Tender tender, KnownGrant? grant, IReadOnlyDictionary<Guid, Bid> bids, IReadOnlyDictionary<Guid, Supplier> suppliers)
    {
        private string BuyerId => $"buyer-{tender.GrantId}";

        public void WriteAll(IReadOnlyList<Contract> contracts, ILookup<Guid, DeliveryMilestone> milestones)
        {
            Release("planning", tender.CreatedAt, "planning", () =>
            {
                json.WriteStartObject("planning");
                json.WriteStartObject("budget");
                json.WriteString("description", grant is null ? $"Grant {tender.GrantId}" : $"{grant.Reference}: {grant.Title}");
                Amount("amount", tender.EstimatedValue);
                json.WriteEndObject();
                json.WriteEndObject();
                Tender("planning", withPeriod: false);
            });
            if (tender.PublishedAt is { } published)
                Release("tender", published, "tender", () => Tender(TenderStatus(), withPeriod: true));
            if (tender.CancelledAt is { } cancelled)
                Release("tenderCancellation", cancelled, "cancellation", () => Tender("cancelled", withPeriod: true));

            foreach (var lot in tender.Lots.Where(l => l.AwardedAt is not null && l.ProposedBidId is not null && bids.ContainsKey(l.ProposedBidId.Value)))
                Release("award", lot.AwardedAt!.Value, $"award-{lot.Number}", () => Award(lot), supplierOf: bids[lot.ProposedBidId!.Value]);

            foreach (var contract in contracts.Where(c => c.Status == ContractStatus.Signed))
            {
                var bid = bids.GetValueOrDefault(contract.BidId);
                Release("contract", contract.SignedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"contract-{contract.Id}", () => Contracts(contract, amendments: false, null), bid);
                foreach (var version in contract.Versions)
                    Release("contractAmendment", version.AmendedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"amendment-{contract.Id}-{version.Version}",
                        () => Contracts(contract, amendments: true, null), bid);
                var delivered = milestones[contract.Id].OrderBy(m => m.ReceivedOn).ToList();
                if (delivered.Count > 0)
                    Release("implementation", delivered[^1].ReceivedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"implementation-{contract.Id}",
                        () => Contracts(contract, amendments: false, delivered), bid);
            }
        }

        private string TenderStatus() =>
            tender.Lots.All(l => l.Status == LotStatus.Cancelled) ? "cancelled"
            : tender.Lots.All(l => l.Status == LotStatus.Unsuccessful) ? "unsuccessful"
            : tender.Lots.All(l => l.Status is LotStatus.ContractSigned or LotStatus.Cancelled or LotStatus.Unsuccessful) ? "complete"
            : "active";

        private void Release(string tag, DateTime date, string idSuffix, Action body, Bid? supplierOf = null)
        {
            json.WriteStartObject();
            json.WriteString("ocid", ocid);
            json.WriteString("id", $"{ocid}-{idSuffix}");
            json.WriteString("date", Date(date));
            json.WriteStartArray("tag");
            json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteString("initiationType", "tender");
            json.WriteString("language", "en");
            Parties(supplierOf);
            json.WriteStartObject("buyer");
            json.WriteString("id", BuyerId);
            json.WriteString("name", BuyerName);
            json.WriteEndObject();
            body();
            json.WriteEndObject();
        }

        private string BuyerName => grant is { ImplementingPartner.Length: > 0 } g ? g.ImplementingPartner : $"Implementing partner of {grant?.Reference ?? tender.GrantId.ToString()}";

        /// <summary>The buyer, the funder, and the awarded supplier only: tenderers who were not awarded are not named.</summary>
        private void Parties(Bid? awarded)
        {
            json.WriteStartArray("parties");
            json.WriteStartObject();
            json.WriteString("id", BuyerId);
            json.WriteString("name", BuyerName);
            json.WriteStartArray("roles");
            json.WriteStringValue("buyer");
            json.WriteStringValue("procuringEntity");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("id", $"funder-{tender.DonorCode}");
            json.WriteString("name", tender.DonorCode);
            json.WriteStartArray("roles");
            json.WriteStringValue("funder");
            json.WriteEndArray();
            json.WriteEndObject();
            if (awarded is not null && suppliers.TryGetValue(awarded.SupplierId, out var supplier))
            {
                json.WriteStartObject();
                json.WriteString("id", $"supplier-{supplier.Id}");
                json.WriteString("name", supplier.LegalName);
                json.WriteStartObject("identifier");
                json.WriteString("id", supplier.RegistrationNumber);
                json.WriteString("legalName", supplier.LegalName);
                json.WriteEndObject();
                json.WriteStartObject("address");
                json.WriteString("countryName", supplier.CountryOfEstablishment);
                json.WriteEndObject();
                json.WriteStartObject("contactPoint");
                json.WriteString("name", supplier.ContactName);
                json.WriteString("email", supplier.ContactEmail);
                json.WriteEndObject();
                json.WriteStartArray("roles");
                json.WriteStringValue("supplier");
                json.WriteStringValue("tenderer");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private void Tender(string status, bool withPeriod)
        {
            json.WriteStartObject("tender");
            json.WriteString("id", tender.Reference);
            json.WriteString("title", tender.Title);
            json.WriteString("status", status);
            json.WriteString("procurementMethod", tender.Procedure.OcdsMethod());
            json.WriteString("procurementMethodDetails", $"{tender.Procedure} ({tender.RuleSetEdition})");
            json.WriteString("mainProcurementCategory", "goods");
            json.WriteString("awardCriteria", tender.AwardMethod == AwardMethod.LowestPrice ? "priceOnly" : "ratedCriteria");
            json.WriteString("awardCriteriaDetails", tender.AwardMethod == AwardMethod.LowestPrice
                ? "Lowest compliant price"
                : $"Best value: price {tender.PriceWeight}%, " + string.Join(", ", tender.QualityCriteria.Select(c => $"{c.Name} {c.Weight}%")));
            Amount("value", tender.EstimatedValue);
            if (withPeriod && tender.PublishedAt is { } start && tender.SubmissionDeadline is { } end)
            {
                json.WriteStartObject("tenderPeriod");
                json.WriteString("startDate", Date(start));
                json.WriteString("endDate", Date(end));
                json.WriteEndObject();
                json.WriteBoolean("hasEnquiries", tender.Clarifications.Count > 0);
            }
            if (status == "cancelled" && tender.CancellationReason is { } reason)
                json.WriteString("statusDetails", reason);
            Items(tender.Lots.SelectMany(l => l.Lines).Select(l => (l.LineNumber, l.ItemCategory, l.TechnicalSpecification, l.Quantity)));
            json.WriteEndObject();
        }

        private void Award(Lot lot)
        {
            var bid = bids[lot.ProposedBidId!.Value];
            json.WriteStartArray("awards");
            json.WriteStartObject();
            json.WriteString("id", AwardId(lot.Number));
            json.WriteString("title", $"Lot {lot.Number}: {lot.Title}");
            json.WriteString("status", "active");
            json.WriteString("date", Date(lot.AwardedAt!.Value));
            Amount("value", bid.TotalPrice);
            if (suppliers.TryGetValue(bid.SupplierId, out var supplier))
            {
                json.WriteStartArray("suppliers");
                json.WriteStartObject();
                json.WriteString("id", $"supplier-{supplier.Id}");
                json.WriteString("name", supplier.LegalName);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            Items(lot.Lines.Select(l => (l.LineNumber, l.ItemCategory, l.TechnicalSpecification, l.Quantity)));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        private void Contracts(Contract contract, bool amendments, IReadOnlyList<DeliveryMilestone>? delivered)
        {
            json.WriteStartArray("contracts");
            json.WriteStartObject();
            json.WriteString("id", contract.Id.ToString());
            json.WriteString("awardID", AwardId(contract.LotNumber));
            json.WriteString("title", contract.Reference);
            json.WriteString("status", "active");
            json.WriteString("dateSigned", Date(contract.SignedOn!.Value));
            Amount("value", contract.TotalValue);
            Items(contract.Lines.Select(l => (l.LineNumber, l.ItemCategory, l.Description, l.Quantity)));
            if (amendments && contract.Versions.Count > 0)
            {
                json.WriteStartArray("amendments");
                foreach (var version in contract.Versions)
                {
                    json.WriteStartObject();
                    json.WriteString("id", $"{contract.Id}-v{version.Version + 1}");
                    json.WriteString("date", Date(version.AmendedOn));
                    json.WriteString("rationale", version.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (delivered is not null)
            {
                json.WriteStartObject("implementation");
                json.WriteStartArray("milestones");
                foreach (var m in delivered)
                {
                    json.WriteStartObject();
                    json.WriteString("id", m.GoodsReceivedNoteId.ToString());
                    json.WriteString("title", $"Delivery against line {m.ContractLineNumber}: {m.AcceptedQuantity} accepted, {m.RejectedQuantity} rejected");
                    json.WriteString("type", "delivery");
                    json.WriteString("status", "met");
                    json.WriteString("dateMet", Date(m.ReceivedOn));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndArray();
        }

        private string AwardId(int lotNumber) => $"{tender.Id}-lot-{lotNumber}";

        private void Items(IEnumerable<(int Number, string Category, string Description, int Quantity)> lines)
        {
            json.WriteStartArray("items");
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString("id", line.Number.ToString());
                json.WriteString("description", $"{ItemCategories.All.GetValueOrDefault(line.Category, line.Category)}: {line.Description}");
                json.WriteNumber("quantity", line.Quantity);
                json.WriteStartObject("unit");
                json.WriteString("name", "unit");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private void Amount(string name, decimal amount)
        {
            json.WriteStartObject(name);
            json.WriteNumber("amount", amount);
            json.WriteString("currency", tender.Currency);
            json.WriteEndObject();
        }
    }
}
