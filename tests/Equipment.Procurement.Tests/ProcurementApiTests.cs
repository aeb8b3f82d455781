using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

public class ProcurementApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private Task<int> EventsAsync(string topic, Guid id) => factory.WithDbAsync<ProcurementDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == topic && m.Payload.Contains(id.ToString())));

    [Fact]
    public async Task An_amended_grant_raises_its_budget_line_and_keeps_what_is_committed()
    {
        var world = await ProcurementWorld.CreateAsync(factory, budgetLine: 100_000m);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.RaiseAsync(80_000m));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.RaiseAsync(30_000m));            // 110,000 > 100,000

        Assert.Equal("SUCCESS", await factory.DeliverAsync(DonorReporting.Contracts.GrantAmended.Topic, new DonorReporting.Contracts.GrantAmended(world.GrantId, "NDICI/X", "EU-DGNEAR", 2, new DateOnly(2025, 9, 1), "Rider 1", "IBM North Africa", 4_000_000m, "EUR",
            new DateOnly(2029, 12, 31), "ICMPD", [new DonorReporting.Contracts.Api.CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)],
            [new DonorReporting.Contracts.Api.BudgetLine("EQ-1", "Surveillance equipment", 150_000m), new DonorReporting.Contracts.Api.BudgetLine("EQ-3", "Training", 20_000m)], []) { OccurredAt = DateTimeOffset.UtcNow }));

        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.RaiseAsync(30_000m));              // 110,000 ≤ 150,000
        var lines = await factory.WithDbAsync<ProcurementDbContext, List<Domain.BudgetLine>>(db => db.BudgetLines.Where(l => l.GrantId == world.GrantId).OrderBy(l => l.Code).ToListAsync());
        Assert.Equal([("EQ-1", 150_000m, 110_000m), ("EQ-2", 500_000m, 0m), ("EQ-3", 20_000m, 0m)], lines.Select(l => (l.Code, l.Amount, l.Committed)));
    }

    [Fact]
    public async Task The_whole_lifecycle_through_http_with_exactly_one_event_per_transition()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var winner = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var loser = await world.SupplierAsync("Optique Frontière SARL", "FR");
        var tender = await world.TenderAsync(350_000m);
        var id = tender["id"]!.GetValue<Guid>();
        Assert.Equal("InternationalOpenTender", tender["procedure"]!.GetValue<string>());
        Assert.Equal("Draft", tender["status"]!.GetValue<string>());

        await world.PublishAsync(id);
        Assert.Equal(1, await EventsAsync(TenderPublished.Topic, id));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/publication", new { submissionDeadline = world.Now.AddDays(40) }));

        var asked = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/clarifications", new { question = "Is a cooled detector mandatory?" }));
        Assert.Equal(1, asked["clarifications"]![0]!["number"]!.GetValue<int>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/clarifications/1/answer", new { answer = "Yes: cooled MWIR." }));

        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, winner, 340_000m));
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, loser, 310_000m, origin: "FR"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.BidAsync(id, winner, 330_000m));       // one bid per supplier

        world.Clock.Advance(TimeSpan.FromDays(61));                                                             // the deadline passes
        var closed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Equal("SubmissionClosed", closed["status"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/clarifications", new { question = "Too late?" }));

        await world.OpenBidsAsync(id);
        var bids = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids"))).AsArray();
        var cheaper = bids.Single(b => b!["supplierId"]!.GetValue<Guid>() == loser)!["id"]!.GetValue<Guid>();
        var dearer = bids.Single(b => b!["supplierId"]!.GetValue<Guid>() == winner)!["id"]!.GetValue<Guid>();
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/lots/1/award-proposal"));   // not all evaluated
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{cheaper}/evaluation",
            new { administrativelyCompliant = true, technicallyCompliant = false, notes = "Uncooled detector offered" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{dearer}/evaluation",
            new { administrativelyCompliant = true, technicallyCompliant = true }));

        var proposed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award-proposal"));
        Assert.Equal(dearer, proposed["lots"]![0]!["proposedBidId"]!.GetValue<Guid>());
        var report = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report"));
        Assert.Equal("Uncooled detector offered", report["bids"]!.AsArray().Single(b => b!["id"]!.GetValue<Guid>() == cheaper)!["evaluationNotes"]!.GetValue<string>());
        var html = await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Award to <strong>Thermovision Systems GmbH</strong>", await html.Content.ReadAsStringAsync());

        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/standstill", new { }));
        var early = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/lots/1/award"));
        Assert.Equal("Standstill", early["currentState"]!.GetValue<string>());
        world.Clock.Advance(TimeSpan.FromDays(10));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award"));
        Assert.Equal(1, await EventsAsync(AwardDecided.Topic, id));

        var grants = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync("/api/procurement/grants"));
        var line = grants.AsArray().Single(g => g!["grantId"]!.GetValue<Guid>() == world.GrantId)!["budgetLines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "EQ-1")!;
        Assert.Equal(340_000m, line["committed"]!.GetValue<decimal>());                                       // the awarded price replaced the estimate

        var contract = await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.PostAsync($"tenders/{id}/lots/1/contract", new { reference = "C-" + id.ToString("N")[..6], warrantyMonths = 24 }));
        var contractId = contract["id"]!.GetValue<Guid>();
        Assert.Equal(340_000m, contract["lines"]![0]!["unitPrice"]!.GetValue<decimal>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"contracts/{contractId}/signature", new { signedOn = DateOnly.FromDateTime(world.Now) }));
        var signed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"contracts/{contractId}/signature", new { signedOn = DateOnly.FromDateTime(world.Now) }));
        Assert.Equal("Signed", signed["currentState"]!.GetValue<string>());
        Assert.Equal(1, await EventsAsync(ContractSigned.Topic, contractId));
        var afterSigning = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Equal("ContractSigned", afterSigning["status"]!.GetValue<string>());
        var tenderReference = afterSigning["reference"]!.GetValue<string>();                                  // v3: inventory finds the goods by it
        Assert.True(await factory.WithDbAsync<ProcurementDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.Topic == ContractSigned.Topic && m.Payload.Contains(contractId.ToString()) && m.Payload.Contains($"\"tenderReference\":\"{tenderReference}\""))));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/cancellation", new { reason = "Too late to cancel" }));

        var amended = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"contracts/{contractId}/amendments", new
        {
            reason = "Delivery slipped: port congestion", amendedOn = DateOnly.FromDateTime(world.Now),
            lines = new[] { new { lineNumber = 1, deliveryDeadline = "2027-02-01" } },
        }));
        Assert.Equal(2, amended["version"]!.GetValue<int>());
        Assert.Equal("2026-12-01", amended["previousVersions"]![0]!["lines"]![0]!["deliveryDeadline"]!.GetValue<string>());
        Assert.Equal(1, await EventsAsync(ContractAmended.Topic, contractId));
        Assert.Equal(0, await EventsAsync(TenderCancelled.Topic, id));
    }

    [Fact]
    public async Task Thresholds_decide_the_procedure_at_the_cent()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        Assert.Equal("LocalOpenProcedure", (await world.TenderAsync(299_999.99m))["procedure"]!.GetValue<string>());
        var other = await ProcurementWorld.CreateAsync(factory);
        Assert.Equal("InternationalOpenTender", (await other.TenderAsync(300_000.00m))["procedure"]!.GetValue<string>());
    }

    [Fact]
    public async Task Splitting_a_need_to_stay_under_a_threshold_is_refused()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        await world.TenderAsync(200_000m);                                                // local open on its own
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.CreateTenderAsync([await world.RequisitionAsync(150_000m)]));
        Assert.Equal("NoSplitting", problem["rule"]!.GetValue<string>());
        Assert.Contains("InternationalOpenTender", problem["detail"]!.GetValue<string>());
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.CreateTenderAsync([await world.RequisitionAsync(150_000m, category: "PatrolVehicle")]));
    }

    [Fact]
    public async Task A_budget_line_cannot_be_overcommitted()
    {
        var world = await ProcurementWorld.CreateAsync(factory, budgetLine: 100_000m);
        await world.RequisitionAsync(60_000m);
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.RaiseAsync(45_000m));
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("EQ-1", detail);
        Assert.Contains("100,000.00", detail);
        Assert.Contains("60,000.00", detail);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.RaiseAsync(10m, category: "Spaceship"), field: "itemCategory");
    }

    [Fact]
    public async Task The_deadline_respects_the_procedures_minimum_period()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(120_000m))["id"]!.GetValue<Guid>();
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.PostAsync($"tenders/{id}/publication",
            new { publishedAt = world.Now, submissionDeadline = world.Now.AddDays(29) }), field: "submissionDeadline");
    }

    [Fact]
    public async Task A_late_bid_an_ineligible_supplier_or_origin_and_an_uninvited_supplier_are_refused()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var eligible = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var ineligible = await world.SupplierAsync("Far East Optics Ltd", "CN");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);

        var nationality = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.BidAsync(id, ineligible, 300_000m), field: "supplierId");
        Assert.Equal("EligibleNationality", nationality["violations"]![0]!["rule"]!.GetValue<string>());
        var origin = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.BidAsync(id, eligible, 300_000m, origin: "CN"), field: "lines[0].countryOfOrigin");
        Assert.Equal("EligibleOrigin", origin["violations"]![0]!["rule"]!.GetValue<string>());

        world.Clock.Advance(TimeSpan.FromDays(60).Add(TimeSpan.FromSeconds(1)));
        var late = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.BidAsync(id, eligible, 300_000m));
        Assert.Equal("SubmissionClosed", late["currentState"]!.GetValue<string>());

        var negotiated = await ProcurementWorld.CreateAsync(factory);
        var invited = new[] { await negotiated.SupplierAsync("A", "DE"), await negotiated.SupplierAsync("B", "FR"), await negotiated.SupplierAsync("C", "IT") };
        var outsider = await negotiated.SupplierAsync("D", "TN");
        var small = (await negotiated.TenderAsync(50_000m, invited: invited))["id"]!.GetValue<Guid>();
        await negotiated.PublishAsync(small);
        var uninvited = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await negotiated.BidAsync(small, outsider, 45_000m, origin: "TN"), field: "supplierId");
        Assert.Equal("InvitedSupplier", uninvited["violations"]![0]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bid_prices_stay_sealed_for_everybody_until_submission_closes()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        var recorded = await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, supplier, 333_333m));
        Assert.DoesNotContain("333333", recorded.ToJsonString());

        using var admin = factory.ClientAs(Roles.Administrator);
        foreach (var client in new[] { world.Officer, admin })
        {
            var sealedAnswer = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await client.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids"));
            Assert.Equal("Published", sealedAnswer["currentState"]!.GetValue<string>());
            await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await client.GetAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report"));
            var tender = await client.GetStringAsync($"/api/procurement/tenders/{id}");
            Assert.DoesNotContain("333333", tender);
        }

        world.Clock.Advance(TimeSpan.FromDays(61));
        var opened = await HttpAssert.StatusAsync(HttpStatusCode.OK, await admin.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids"));
        Assert.Equal(333_333m, opened[0]!["totalPrice"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task With_no_compliant_bid_the_lot_is_unsuccessful()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await world.BidAsync(id, supplier, 349_000m);
        world.Clock.Advance(TimeSpan.FromDays(61));
        await world.OpenBidsAsync(id);
        var bid = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids")))[0]!["id"]!.GetValue<Guid>();
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await world.PostAsync($"tenders/{id}/bids/{bid}/evaluation", new { administrativelyCompliant = false, technicallyCompliant = true }), field: "notes");
        await world.PostAsync($"tenders/{id}/bids/{bid}/evaluation", new { administrativelyCompliant = false, technicallyCompliant = true, notes = "Tender guarantee missing" });
        var result = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award-proposal"));
        Assert.Equal("Unsuccessful", result["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_publishes_once_and_reopens_the_requisitions()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var tender = await world.TenderAsync(50_000m, invited: [await world.SupplierAsync("A", "DE"), await world.SupplierAsync("B", "FR"), await world.SupplierAsync("C", "IT")]);
        var id = tender["id"]!.GetValue<Guid>();
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.PostAsync($"tenders/{id}/cancellation", new { reason = "" }), field: "reason");
        var cancelled = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/cancellation", new { reason = "Specifications changed after the border agreement" }));
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        var again = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/cancellation", new { reason = "Twice" }));
        Assert.Equal("Cancelled", again["currentState"]!.GetValue<string>());
        Assert.Equal(1, await EventsAsync(TenderCancelled.Topic, id));

        var requisitionId = tender["lots"]![0]!["lines"]![0]!["requisitionId"]!.GetValue<Guid>();
        var open = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/requisitions?grantId={world.GrantId}&status=Open"));
        Assert.Contains(open["items"]!.AsArray(), r => r!["id"]!.GetValue<Guid>() == requisitionId);
    }

    [Fact]
    public async Task Officers_write_administrators_read_monitors_read_their_own_donor_and_others_are_forbidden()
    {
        var own = await ProcurementWorld.CreateAsync(factory, donor: "EU-DGNEAR");
        var other = await ProcurementWorld.CreateAsync(factory, donor: "IT-MININT");
        var ownTender = (await own.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var otherTender = (await other.TenderAsync(350_000m))["id"]!.GetValue<Guid>();

        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/procurement/tenders"));
        using var admin = factory.ClientAs(Roles.Administrator);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await admin.GetAsync($"/api/procurement/tenders/{otherTender}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await admin.PostAsJsonAsync($"/api/procurement/tenders/{ownTender}/cancellation", new { reason = "x" }));
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/procurement/tenders/{ownTender}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/procurement/tenders/{otherTender}"));
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/procurement/tenders?pageSize=200"));
        Assert.All(list["items"]!.AsArray(), t => Assert.Equal("EU-DGNEAR", t!["donorCode"]!.GetValue<string>()));
        using var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.GetAsync("/api/procurement/tenders"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.GetAsync("/api/procurement/ocds/releases"));
    }

    [Fact]
    public async Task The_ocds_package_validates_against_the_official_schema_and_codelists_and_hides_what_it_must()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var winner = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var loser = await world.SupplierAsync("Optique Secrète SARL", "FR");
        var id = (await world.TenderAsync(350_000m, method: "BestValue", criteria: [new { name = "technical", weight = 70 }], priceWeight: 30))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await world.BidAsync(id, winner, 340_000m);
        await world.BidAsync(id, loser, 312_345.67m, origin: "FR");
        world.Clock.Advance(TimeSpan.FromDays(61));
        await world.OpenBidsAsync(id);
        foreach (var bid in (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids"))).AsArray())
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{bid!["id"]}/evaluation", new
            {
                administrativelyCompliant = true, technicallyCompliant = true,
                qualityScores = new Dictionary<string, decimal> { ["technical"] = bid["supplierId"]!.GetValue<Guid>() == winner ? 95 : 40 },
            }));
        await world.PostAsync($"tenders/{id}/lots/1/award-proposal");
        await world.PostAsync($"tenders/{id}/lots/1/standstill", new { });
        world.Clock.Advance(TimeSpan.FromDays(10));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award"));
        var contractId = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.PostAsync($"tenders/{id}/lots/1/contract",
            new { reference = "C-OCDS-" + id.ToString("N")[..6], warrantyMonths = 24 })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"contracts/{contractId}/signature", new { signedOn = DateOnly.FromDateTime(world.Now) }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(DeliveryReceived.Topic, new DeliveryReceived(Guid.NewGuid(), contractId, 1, world.GrantId, world.Donor, DateOnly.FromDateTime(world.Now), 1, 0) { OccurredAt = DateTimeOffset.UtcNow }));
        var cancelledTender = (await HttpAssert.StatusAsync(HttpStatusCode.Created,
            await world.CreateTenderAsync([await world.RequisitionAsync(10_000m, category: "Radio")], invited: [winner])))["id"]!.GetValue<Guid>();
        await world.PostAsync($"tenders/{cancelledTender}/cancellation", new { reason = "Radios procured under another action" });

        var response = await world.Officer.GetAsync("/api/procurement/ocds/releases");
        var text = await response.Content.ReadAsStringAsync();
        using var package = JsonDocument.Parse(text);
        Assert.Empty(OcdsSchema.Load().ValidatePackage(package.RootElement));
        Assert.Empty(OcdsReview.Problems(package.RootElement, "ocds-equip01-"));

        var releases = package.RootElement.GetProperty("releases").EnumerateArray().ToList();
        var ours = releases.Where(r => r.GetProperty("ocid").GetString()!.EndsWith(id.ToString())).ToList();
        Assert.Equal(["planning", "tender", "award", "contract", "implementation"], ours.Select(r => r.GetProperty("tag")[0].GetString()!));
        Assert.StartsWith("ocds-equip01-", ours[0].GetProperty("ocid").GetString());
        var tags = OcdsSchema.Codelist("releaseTag");
        var statuses = OcdsSchema.Codelist("tenderStatus");
        var methods = OcdsSchema.Codelist("method");
        var criteria = OcdsSchema.Codelist("awardCriteria");
        foreach (var release in releases)
        {
            Assert.All(release.GetProperty("tag").EnumerateArray(), t => Assert.Contains(t.GetString()!, tags));
            if (release.TryGetProperty("tender", out var tender))
            {
                Assert.Contains(tender.GetProperty("status").GetString()!, statuses);
                Assert.Contains(tender.GetProperty("procurementMethod").GetString()!, methods);
                Assert.Contains(tender.GetProperty("awardCriteria").GetString()!, criteria);
            }
        }
        Assert.Contains(releases, r => r.GetProperty("tag")[0].GetString() == "tenderCancellation"
                                       && r.GetProperty("tender").GetProperty("status").GetString() == "cancelled");
        Assert.DoesNotContain("Optique Secrète", text);
        Assert.DoesNotContain("Amira Ben Youssef", text);        // the committee is named in the evaluation report, not in the public package
        Assert.DoesNotContain("312345.67", text);
        Assert.DoesNotContain("312,345.67", text);
        Assert.DoesNotContain("33.15", text);                    // the crossing point's exact position, carried by the grant event
        Assert.DoesNotContain("11.56", text);
    }

    [Theory]
    [InlineData("\"title\":\"T\"", "\"title\":\"  \"", "empty string")]
    [InlineData("\"items\":[{\"id\":\"1\"}]", "\"items\":[]", "empty array")]
    [InlineData("\"items\":[{\"id\":\"1\"}]", "\"items\":[{\"id\":\"1\"},{\"id\":\"1\"}]", "id 1 twice")]
    [InlineData("\"ocid\":\"ocds-equip01-1\"", "\"ocid\":\"ocds-other-1\"", "lacks the prefix")]
    [InlineData("\"roles\":[\"buyer\",\"procuringEntity\"]", "\"roles\":[\"procuringEntity\"]", "lacks the role buyer")]
    [InlineData("\"buyer\":{\"id\":\"B\",\"name\":\"EU\"}", "\"buyer\":{\"id\":\"X\",\"name\":\"EU\"}", "party X is not in parties")]
    [InlineData("\"endDate\":\"2026-02-01T00:00:00Z\"", "\"endDate\":\"2025-12-01T00:00:00Z\"", "ends")]
    public void The_data_review_checks_notice_what_they_look_for(string good, string broken, string expected)
    {
        const string package = """{"releases":[{"ocid":"ocds-equip01-1","id":"r1","parties":[{"id":"B","name":"EU","roles":["buyer","procuringEntity"]}],"buyer":{"id":"B","name":"EU"},"tender":{"id":"t","title":"T","procuringEntity":{"id":"B","name":"EU"},"items":[{"id":"1"}],"tenderPeriod":{"startDate":"2026-01-01T00:00:00Z","endDate":"2026-02-01T00:00:00Z"}}}]}""";
        Assert.Empty(OcdsReview.Problems(JsonDocument.Parse(package).RootElement, "ocds-equip01-"));
        Assert.Contains(good, package);
        Assert.Contains(OcdsReview.Problems(JsonDocument.Parse(package.Replace(good, broken)).RootElement, "ocds-equip01-"), p => p.Contains(expected));
    }

    [Fact]
    public void The_schema_check_rejects_what_is_not_ocds()
    {
        var schema = OcdsSchema.Load();
        JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
        const string good = """{"uri":"https://example.org/p","version":"1.1","publishedDate":"2026-01-01T00:00:00Z","publisher":{"name":"X"},"releases":[{"ocid":"ocds-x-1","id":"1","date":"2026-01-01T00:00:00Z","tag":["tender"],"initiationType":"tender"}]}""";
        Assert.Empty(schema.ValidatePackage(Parse(good)));
        Assert.NotEmpty(schema.ValidatePackage(Parse(good.Replace("\"ocid\":\"ocds-x-1\",", ""))));
        Assert.NotEmpty(schema.ValidatePackage(Parse(good.Replace("\"tag\":[\"tender\"]", "\"tag\":[\"bidding\"]"))));
        Assert.NotEmpty(schema.ValidatePackage(Parse(good.Replace("2026-01-01T00:00:00Z\",\"tag", "yesterday\",\"tag"))));
        Assert.NotEmpty(schema.ValidatePackage(Parse(good.Replace("\"initiationType\":\"tender\"", "\"initiationType\":\"auction\""))));
        Assert.NotEmpty(schema.ValidatePackage(Parse(good.Replace("\"releases\":[", "\"releases\":[{\"ocid\":3},"))));
    }
}
