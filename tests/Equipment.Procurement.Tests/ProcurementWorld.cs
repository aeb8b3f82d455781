using System.Net;
using Equipment.DonorReporting.Contracts.Api;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Contracts;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary>A grant procurement has learnt of, suppliers, and the HTTP steps of the procedure, as a procurement officer takes them.</summary>
public sealed class ProcurementWorld
{
    private readonly ServiceFactory<Program> _factory;
    public HttpClient Officer { get; }
    public Guid GrantId { get; } = Guid.NewGuid();
    public string Donor { get; }
    public ManualClock Clock => _factory.Clock;
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private ProcurementWorld(ServiceFactory<Program> factory, string donor)
    {
        _factory = factory;
        Donor = donor;
        Officer = factory.ClientAs(Roles.ProcurementOfficer);
    }

    public static async Task<ProcurementWorld> CreateAsync(ServiceFactory<Program> factory, string donor = "EU-DGNEAR", decimal budgetLine = 2_000_000m)
    {
        var world = new ProcurementWorld(factory, donor);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(world.GrantId, "NDICI/" + world.GrantId.ToString("N")[..6], "IBM North Africa", donor, FundingInstrument.NdiciGlobalEurope,
            4_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)])
        {
            OccurredAt = DateTimeOffset.UtcNow,
            BudgetLines = [new BudgetLine("EQ-1", "Surveillance equipment", budgetLine), new BudgetLine("EQ-2", "Vehicles", 500_000m)],
            EligibleNationalities = ["DE", "FR", "IT", "TN"],
            ImplementingPartner = "ICMPD",
        }));
        return world;
    }

    public async Task<Guid> SupplierAsync(string name, string country)
    {
        var body = await HttpAssert.StatusAsync(HttpStatusCode.Created, await Officer.PostAsJsonAsync("/api/procurement/suppliers", new
        {
            legalName = name, countryOfEstablishment = country, registrationNumber = Guid.NewGuid().ToString("N")[..10],
            contactName = "Sales desk", contactEmail = "sales@example.org",
        }));
        return body["id"]!.GetValue<Guid>();
    }

    public Task<HttpResponseMessage> RaiseAsync(decimal unitValue, int quantity = 1, string category = "ThermalCamera", string budgetLine = "EQ-1") =>
        Officer.PostAsJsonAsync("/api/procurement/requisitions", new
        {
            grantId = GrantId, budgetLineCode = budgetLine, itemCategory = category, technicalSpecification = "Cooled MWIR 640×512, 25 km range",
            quantity, estimatedUnitValue = unitValue, destinationCrossingPointCode = "TN-RAS-AJDIR", requiredBy = "2026-12-01",
        });

    public async Task<Guid> RequisitionAsync(decimal unitValue, int quantity = 1, string category = "ThermalCamera") =>
        (await HttpAssert.StatusAsync(HttpStatusCode.Created, await RaiseAsync(unitValue, quantity, category)))["id"]!.GetValue<Guid>();

    public Task<HttpResponseMessage> CreateTenderAsync(Guid[] requisitions, string method = "LowestPrice", Guid[]? invited = null, object[]? criteria = null, int priceWeight = 0) =>
        Officer.PostAsJsonAsync("/api/procurement/tenders", new
        {
            reference = "T-" + Guid.NewGuid().ToString("N")[..8], title = "Thermal cameras for Ras Ajdir", grantId = GrantId,
            lots = new[] { new { title = "Thermal cameras", requisitionIds = requisitions } },
            awardMethod = method, priceWeight, qualityCriteria = criteria ?? [], invitedSupplierIds = invited ?? [],
        });

    public async Task<JsonNode> TenderAsync(decimal unitValue, string method = "LowestPrice", Guid[]? invited = null, object[]? criteria = null, int priceWeight = 0) =>
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await CreateTenderAsync([await RequisitionAsync(unitValue)], method, invited, criteria, priceWeight));

    public async Task<JsonNode> PublishAsync(Guid tenderId, int days = 60) =>
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await Officer.PostAsJsonAsync($"/api/procurement/tenders/{tenderId}/publication",
            new { publishedAt = Now, submissionDeadline = Now.AddDays(days) }));

    public Task<HttpResponseMessage> BidAsync(Guid tenderId, Guid supplierId, decimal unitPrice, string origin = "DE", DateTime? receivedAt = null) =>
        Officer.PostAsJsonAsync($"/api/procurement/tenders/{tenderId}/lots/1/bids", new
        {
            supplierId, receivedAt = receivedAt ?? Now, lines = new[] { new { lineNumber = 1, unitPrice, countryOfOrigin = origin } },
        });

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => Officer.PostAsJsonAsync($"/api/procurement/{path}", body ?? new { });

    /// <summary>An evaluation committee as the officer types it: a chair, a secretary and <paramref name="evaluators"/> voting evaluators, all declared on <paramref name="signedOn"/> (yesterday).</summary>
    public object Committee(int evaluators = 3, DateOnly? signedOn = null)
    {
        var on = signedOn ?? DateOnly.FromDateTime(Now).AddDays(-1);
        return new
        {
            chair = new { name = "Amira Ben Youssef", position = "Procurement lead, ICMPD", declarationSignedOn = on },
            secretary = new { name = "Luca Bianchi", position = "Procurement assistant, ICMPD", declarationSignedOn = on },
            evaluators = Enumerable.Range(1, evaluators).Select(i => new { name = $"Evaluator {i}", position = "Border equipment engineer", declarationSignedOn = on }).ToArray(),
        };
    }

    public Task<HttpResponseMessage> RecordCommitteeAsync(Guid tenderId, object committee) =>
        Officer.PutAsJsonAsync($"/api/procurement/tenders/{tenderId}/evaluation-committee", committee);

    /// <summary>Records the committee that the current PRAG edition asks for before the bids are opened.</summary>
    public async Task<JsonNode> CommitteeAsync(Guid tenderId) =>
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await RecordCommitteeAsync(tenderId, Committee()));

    /// <summary>Records the committee, then opens the lot's bids.</summary>
    public async Task<JsonNode> OpenBidsAsync(Guid tenderId, int lot = 1)
    {
        await CommitteeAsync(tenderId);
        return await HttpAssert.StatusAsync(HttpStatusCode.OK, await PostAsync($"tenders/{tenderId}/lots/{lot}/evaluation"));
    }
}
