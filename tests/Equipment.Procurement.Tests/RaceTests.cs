using System.Net;
using System.Net.Http.Json;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

/// <summary>
/// 50 officers at once on the same step, every one of them having read the same state (their saves are held until all
/// have arrived): exactly one wins, the others get 409 naming the state or the rule, never 500, and one event goes out.
/// </summary>
public class RaceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private const int Racers = 50;

    private Task<int> EventsAsync(string topic, Guid id) => factory.WithDbAsync<ProcurementDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == topic && m.Payload.Contains(id.ToString())));

    private static async Task<(Guid TenderId, Guid SupplierId)> AwardedLotAsync(ProcurementWorld world)
    {
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH " + Guid.NewGuid().ToString("N")[..4], "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, supplier, 340_000m));
        world.Clock.Advance(TimeSpan.FromDays(61));   // past the international open tender's 60 days (current PRAG edition)
        await world.OpenBidsAsync(id);
        var bid = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids")))[0]!["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{bid}/evaluation", new { administrativelyCompliant = true, technicallyCompliant = true }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award-proposal"));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/standstill", new { }));
        world.Clock.Advance(TimeSpan.FromDays(10));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award"));
        return (id, supplier);
    }

    [Fact]
    public async Task One_requisition_feeds_one_tender_however_many_officers_race()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var requisition = await world.RequisitionAsync(350_000m);
        var answers = await Race.RunAsync(factory.Gate, Racers, _ => world.CreateTenderAsync([requisition]));
        Assert.Equal(Racers, factory.Gate.Arrived);   // every racer reached its save: the race was real
        var tender = System.Text.Json.Nodes.JsonNode.Parse(Race.AssertOneWinner(answers))!;
        Assert.Equal(1, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Tenders.CountAsync(t => t.GrantId == world.GrantId)));
        var stored = await factory.WithDbAsync<ProcurementDbContext, Guid?>(db => db.Requisitions.Where(r => r.Id == requisition).Select(r => r.TenderId).SingleAsync());
        Assert.Equal(tender["id"]!.GetValue<Guid>(), stored);
    }

    [Fact]
    public async Task A_lot_gets_one_draft_contract_however_many_officers_race()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var (tenderId, _) = await AwardedLotAsync(world);
        var answers = await Race.RunAsync(factory.Gate, Racers, i =>
            world.PostAsync($"tenders/{tenderId}/lots/1/contract", new { reference = $"C-{tenderId.ToString("N")[..6]}-{i}", warrantyMonths = 24 }));
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Contracts.CountAsync(c => c.TenderId == tenderId)));
    }

    [Fact]
    public async Task A_contract_is_signed_once_and_publishes_one_event()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var (tenderId, _) = await AwardedLotAsync(world);
        var contractId = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.PostAsync($"tenders/{tenderId}/lots/1/contract",
            new { reference = "C-" + tenderId.ToString("N")[..8], warrantyMonths = 24 })))["id"]!.GetValue<Guid>();
        var answers = await Race.RunAsync(factory.Gate, Racers, _ =>
            world.PostAsync($"contracts/{contractId}/signature", new { signedOn = DateOnly.FromDateTime(world.Now) }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await EventsAsync(ContractSigned.Topic, contractId));
        var tender = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{tenderId}"));
        Assert.Equal("ContractSigned", tender["lots"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supplier_is_registered_once_however_many_officers_race()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var registration = Guid.NewGuid().ToString("N")[..10];
        var answers = await Race.RunAsync(factory.Gate, Racers, i => world.Officer.PostAsJsonAsync("/api/procurement/suppliers", new
        {
            legalName = $"Racing Optics {i}", countryOfEstablishment = "DE", registrationNumber = registration, contactName = "Sales", contactEmail = "s@example.org",
        }));
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Suppliers.CountAsync(s => s.RegistrationNumber == registration)));
    }

    [Fact]
    public async Task A_tender_is_published_once_and_cancelled_once_each_publishing_one_event()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => world.PostAsync($"tenders/{id}/publication",
            new { publishedAt = world.Now, submissionDeadline = world.Now.AddDays(60 + i) }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await EventsAsync(TenderPublished.Topic, id));

        answers = await Race.RunAsync(factory.Gate, Racers, i => world.PostAsync($"tenders/{id}/cancellation", new { reason = $"Budget withdrawn ({i})" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await EventsAsync(TenderCancelled.Topic, id));
    }

    [Fact]
    public async Task The_award_proposal_the_standstill_and_the_award_are_each_decided_once_and_the_award_publishes_one_event()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH " + Guid.NewGuid().ToString("N")[..4], "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, supplier, 340_000m));
        world.Clock.Advance(TimeSpan.FromDays(61));
        await world.OpenBidsAsync(id);
        var bid = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids")))[0]!["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{bid}/evaluation", new { administrativelyCompliant = true, technicallyCompliant = true }));

        foreach (var (step, body) in new (string, object?)[] { ("award-proposal", null), ("standstill", new { }) })
        {
            var answers = await Race.RunAsync(factory.Gate, Racers, _ => world.PostAsync($"tenders/{id}/lots/1/{step}", body));
            Assert.Equal(Racers, factory.Gate.Arrived);
            Race.AssertOneWinner(answers);
        }
        world.Clock.Advance(TimeSpan.FromDays(10));
        var awards = await Race.RunAsync(factory.Gate, Racers, _ => world.PostAsync($"tenders/{id}/lots/1/award"));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(awards);
        Assert.Equal(1, await EventsAsync(AwardDecided.Topic, id));
    }

    [Fact]
    public async Task Officers_amending_a_signed_contract_from_the_same_version_make_one_amendment_and_one_event()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var (tenderId, _) = await AwardedLotAsync(world);
        var contractId = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.PostAsync($"tenders/{tenderId}/lots/1/contract",
            new { reference = "C-" + tenderId.ToString("N")[..8], warrantyMonths = 24 })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"contracts/{contractId}/signature", new { signedOn = DateOnly.FromDateTime(world.Now) }));

        var answers = await Race.RunAsync(factory.Gate, Racers, i => world.PostAsync($"contracts/{contractId}/amendments", new
        {
            reason = $"Delivery slipped ({i})", amendedOn = DateOnly.FromDateTime(world.Now),
            lines = new[] { new { lineNumber = 1, deliveryDeadline = DateOnly.FromDateTime(world.Now).AddDays(60 + i) } },
        }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        var amended = System.Text.Json.Nodes.JsonNode.Parse(Race.AssertOneWinner(answers))!;
        Assert.Equal(2, amended["version"]!.GetValue<int>());
        Assert.Equal(1, await EventsAsync(ContractAmended.Topic, contractId));
    }

    [Fact]
    public async Task A_requisition_is_cancelled_once()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var requisition = await world.RequisitionAsync(10_000m);
        var answers = await Race.RunAsync(factory.Gate, Racers, _ => world.PostAsync($"requisitions/{requisition}/cancellation"));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
    }
}
