using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>
/// A grant and a recorded history of the other services' events for it, with figures worked out by hand:
///
/// Tender T1 (published 2025-01-10): lot 1, 4 cameras (2 to Ras Ajdir, 2 to Dehiba–Wazin), estimated 160,000;
/// lot 2, 10 radios to Dehiba–Wazin, estimated 12,000, awarded at 11,000, no contract yet. Tender T2 (published
/// 2025-02-01): 5 kits to Ras Ajdir, estimated 50,000, cancelled. Lot 1 awarded at 150,000; contract C1 signed
/// 2025-03-01 (2 × 37,500 to each point), amended to 3 units for Ras Ajdir: 5 units, 187,500.
/// Committed = 187,500 (C1) + 11,000 (lot 2's award) = 198,500; T2 counts nothing.
/// Three cameras accepted (A1, A2 for Ras Ajdir; A3 for Dehiba–Wazin) = 112,500 delivered, all handed over
/// 2025-04-10. A1 deployed at Ras Ajdir 2025-04-20 (100 days after T1), A3 at Dehiba–Wazin 2025-04-30 (110),
/// A2 at Ras Ajdir 2025-05-10 (120), then transferred to Dehiba–Wazin 2025-06-01. A3 out of service since 2025-06-10.
/// Lead time: median 110 days, 90th percentile 110 + 0.8 × 10 = 118 days.
/// Funnel: tendered 14, contracted 5, delivered 3, handed over 3, deployed 3, operational 2.
/// Ras Ajdir: 2, 3, 2, 2, 1, 1. Dehiba–Wazin: 12, 2, 1, 1, 2, 1.
/// Upkeep: one preventive work order on A1 (120 parts, 1.5 h labour); A1 used 240 hours on 28 patrols in May 2025.
/// </summary>
public sealed class ReportingWorld(ServiceFactory<Program> factory)
{
    public const string RasAjdir = "TN-RAS-AJDIR";
    public const string DehibaWazin = "TN-DEHIBA-WAZIN";
    public static readonly DateOnly A1Deployed = new(2025, 4, 20), A2Deployed = new(2025, 5, 10), A3Deployed = new(2025, 4, 30);
    public static readonly DateTime A3OutOfService = new(2025, 6, 10, 0, 0, 0, DateTimeKind.Utc);

    public HttpClient Admin { get; } = factory.ClientAs(Roles.Administrator);

    public async Task<string> DonorAsync(string? iatiId = null)
    {
        var code = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await Admin.PostAsJsonAsync("/api/reporting/donors",
            new { code, name = "Donor " + code, iatiOrganisationId = iatiId, iatiOrganisationType = "15" }));
        return code;
    }

    public static JsonObject GrantBody(string reference, string donor) => new()
    {
        ["reference"] = reference,
        ["title"] = "Support to Integrated Border Management in North Africa",
        ["donorCode"] = donor,
        ["instrument"] = "NdiciGlobalEurope",
        ["implementingPartner"] = "ICMPD",
        ["amount"] = 1_000_000,
        ["startDate"] = "2025-01-01",
        ["endDate"] = "2030-12-31",
        ["beneficiaryCountries"] = new JsonArray("TN"),
        ["crossingPoints"] = new JsonArray(
            new JsonObject { ["code"] = RasAjdir, ["name"] = "Ras Ajdir", ["countryCode"] = "TN", ["neighbourCountryCode"] = "LY", ["latitude"] = 33.153601, ["longitude"] = 11.563702, ["authority"] = "Garde nationale" },
            new JsonObject { ["code"] = DehibaWazin, ["name"] = "Dehiba–Wazin", ["countryCode"] = "TN", ["neighbourCountryCode"] = "LY", ["latitude"] = 31.996103, ["longitude"] = 10.705404 }),
        ["budgetLines"] = new JsonArray(new JsonObject { ["code"] = "EQ-1", ["description"] = "Surveillance equipment", ["amount"] = 600_000 }),
        ["indicators"] = new JsonArray(
            new JsonObject { ["code"] = "OUT-1", ["title"] = "Units deployed at agreed crossing points", ["source"] = "AssetsDeployed", ["baseline"] = 0, ["baselineYear"] = 2025, ["target"] = 10, ["targetYear"] = 2030 },
            new JsonObject { ["code"] = "OUT-2", ["title"] = "Verified equipment found in use (%)", ["source"] = "VerifiedInUse", ["baseline"] = 0, ["baselineYear"] = 2025, ["target"] = 90, ["targetYear"] = 2030 },
            new JsonObject { ["code"] = "OUT-3", ["title"] = "Deployed equipment seen by monitors (%)", ["source"] = "VerificationCoverage", ["baseline"] = 0, ["baselineYear"] = 2025, ["target"] = 50, ["targetYear"] = 2030 }),
    };

    public async Task<Guid> GrantAsync(string donor, string? reference = null)
    {
        var body = await HttpAssert.StatusAsync(HttpStatusCode.Created,
            await Admin.PostAsJsonAsync("/api/reporting/grants", GrantBody(reference ?? "G-" + Guid.NewGuid().ToString("N")[..8], donor)));
        return body["id"]!.GetValue<Guid>();
    }

    /// <summary>The recorded history, in the order the services published it. Fresh ids each time.</summary>
    public sealed record History(IReadOnlyList<(string Topic, object Event)> Events, Guid A1, Guid A2, Guid A3);

    public static History Record(Guid grantId)
    {
        var (t1, t2, c1) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (a1, a2, a3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var required = new DateOnly(2025, 6, 30);
        ContractLineSigned Line(int n, int qty, string point) => new(n, "ThermalCamera", "Thermal camera", qty, 37_500m, point, required, 24);
        AssetRegistered Registered(Guid asset, int line, string serial) => new(asset, serial, "ThermalCamera", "Thermal camera", grantId, "EU",
            c1, line, 37_500m, "EUR", new DateOnly(2025, 4, 1), new DateOnly(2027, 4, 1)) { OccurredAt = at };
        var events = new List<(string, object)>
        {
            (TenderPublished.Topic, new TenderPublished(t1, "T1", "Cameras and radios", grantId, "EU", Procurement.Contracts.Api.Procedure.InternationalOpenTender, "PRAG 2021.1",
                172_000m, "EUR", at, at.AddDays(30),
                [
                    new TenderLotPublished(1, "Cameras", 160_000m, [new TenderLinePublished(1, "ThermalCamera", 2, RasAjdir, required), new TenderLinePublished(2, "ThermalCamera", 2, DehibaWazin, required)]),
                    new TenderLotPublished(2, "Radios", 12_000m, [new TenderLinePublished(1, "Radio", 10, DehibaWazin, required)]),
                ]) { OccurredAt = at }),
            (TenderPublished.Topic, new TenderPublished(t2, "T2", "Kits", grantId, "EU", Procurement.Contracts.Api.Procedure.LocalOpenProcedure, "PRAG 2021.1",
                50_000m, "EUR", new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero), at.AddDays(40),
                [new TenderLotPublished(1, "Kits", 50_000m, [new TenderLinePublished(1, "DocumentExaminationKit", 5, RasAjdir, required)])]) { OccurredAt = at }),
            (TenderCancelled.Topic, new TenderCancelled(t2, "T2", grantId, "EU", [1], "Need covered elsewhere") { OccurredAt = at }),
            (AwardDecided.Topic, new AwardDecided(t1, "T1", 1, grantId, "EU", Guid.NewGuid(), "Thermovision", "DE", 150_000m, "EUR", at) { OccurredAt = at }),
            (AwardDecided.Topic, new AwardDecided(t1, "T1", 2, grantId, "EU", Guid.NewGuid(), "Radiocom", "SI", 11_000m, "EUR", at) { OccurredAt = at }),
            (ContractSigned.Topic, new ContractSigned(c1, "C1", grantId, "EU", "Thermovision", "DE", new DateOnly(2025, 3, 1), "EUR",
                [Line(1, 2, RasAjdir), Line(2, 2, DehibaWazin)]) { OccurredAt = at, TenderId = t1, LotNumber = 1 }),
            (ContractAmended.Topic, new ContractAmended(c1, "C1", grantId, "EU", 2, new DateOnly(2025, 3, 20), "One more camera",
                [Line(1, 3, RasAjdir), Line(2, 2, DehibaWazin)]) { OccurredAt = at }),
            (AssetRegistered.Topic, Registered(a1, 1, "TC-A1-" + a1.ToString("N")[..4])),
            (AssetRegistered.Topic, Registered(a2, 1, "TC-A2-" + a2.ToString("N")[..4])),
            (AssetRegistered.Topic, Registered(a3, 2, "TC-A3-" + a3.ToString("N")[..4])),
            (AssetsHandedOver.Topic, new AssetsHandedOver(Guid.NewGuid(), "HC-1", grantId, "EU", "ICMPD", "Garde nationale",
                new DateOnly(2025, 4, 10), [a1, a2, a3]) { OccurredAt = at }),
            (AssetDeployed.Topic, new AssetDeployed(a1, grantId, "EU", RasAjdir, A1Deployed) { OccurredAt = at }),
            (AssetDeployed.Topic, new AssetDeployed(a3, grantId, "EU", DehibaWazin, A3Deployed) { OccurredAt = at }),
            (AssetDeployed.Topic, new AssetDeployed(a2, grantId, "EU", RasAjdir, A2Deployed) { OccurredAt = at }),
            (AssetTransferred.Topic, new AssetTransferred(a2, grantId, "EU", RasAjdir, DehibaWazin, new DateOnly(2025, 6, 1), "Reinforcement") { OccurredAt = at }),
            (AssetStatusChanged.Topic, new AssetStatusChanged(a3, Maintenance.Contracts.Api.OperationalStatus.OutOfService, A3OutOfService, "Cooler failure") { OccurredAt = at }),
            (WorkOrderCompleted.Topic, new WorkOrderCompleted(Guid.NewGuid(), a1, grantId, Maintenance.Contracts.Api.WorkOrderKind.Preventive, new DateOnly(2025, 7, 20), 120m, 1.5m, "Optics cleaned") { OccurredAt = at }),
            (UsageRecorded.Topic, new UsageRecorded(a1, grantId, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), 240m, null, 28) { OccurredAt = at }),
        };
        return new History(events, a1, a2, a3);
    }

    /// <summary>Delivers events as daprd would, redelivering those the service asks to retry (e.g. an amendment before its contract).</summary>
    public async Task DeliverAllAsync(IEnumerable<(string Topic, object Event)> events)
    {
        var pending = events.ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            Assert.True(round < 5, $"{pending.Count} events still asked to be retried after {round} rounds");
            var retry = new List<(string, object)>();
            foreach (var (topic, e) in pending)
            {
                var status = await factory.DeliverAsync(topic, e);
                Assert.True(status is "SUCCESS" or "RETRY", $"{topic}: {status}");
                if (status == "RETRY") retry.Add((topic, e));
            }
            pending = retry;
        }
    }

    /// <summary>A monitor's visit to Dehiba–Wazin sampling both assets there: A2 found in use, A3 relocated.</summary>
    public async Task VerifyDehibaWazinAsync(Guid grantId, string donor, History h)
    {
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = DehibaWazin, plannedFor = today, sampleSize = 2, seed = 11 }));
        var seenAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visit["id"]}/findings", new
        {
            visitedOn = today,
            findings = new object[]
            {
                new { assetId = h.A2, finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, photoReference = "p1.jpg", latitude = 31.9961, longitude = 10.7054, observedAt = seenAt },
                new { assetId = h.A3, finding = "Relocated", signsOfUse = false, visibilityMarking = true, photoReference = "p2.jpg", latitude = 31.9999, longitude = 10.7111, observedAt = seenAt, note = "In the shift office" },
            },
        }));
    }
}
