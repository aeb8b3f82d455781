using Equipment.ApiClient;

namespace Equipment.AppHost;

/// <summary>
/// Demo data, entered through the public API as users would: two donors, three grants with real agreed crossing
/// points, contracts signed against them, deliveries received (a few units rejected) and assets deployed.
/// </summary>
public static class DemoSeed
{
    public const string EuDonor = "EU-DGNEAR";
    public const string ItalyDonor = "IT-MININT";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Uri gateway, Action<string> log, CancellationToken cancellationToken)
    {
        var admin = await EquipmentApi.SignInAsync(gateway, "admin", "demo", cancellationToken);
        var officer = await EquipmentApi.SignInAsync(gateway, "officer", "demo", cancellationToken);
        var logistics = await EquipmentApi.SignInAsync(gateway, "logistics", "demo", cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await admin.Reporting.RegisterDonorAsync(new Donor(EuDonor, "European Union (European Commission, DG NEAR)"), cancellationToken);
        await admin.Reporting.RegisterDonorAsync(new Donor(ItalyDonor, "Italy, Ministry of the Interior (co-funding)"), cancellationToken);

        var northAfrica = await admin.Reporting.RegisterGrantAsync(new NewGrant(
            "NDICI/2022/SN-MIG/IBM-NA-01",
            "Support to Cross-Border Cooperation and Integrated Border Management in North Africa",
            EuDonor, "NdiciGlobalEurope", "ICMPD", 15_000_000m, new DateOnly(2023, 1, 1), new DateOnly(2027, 12, 31),
            ["TN", "EG", "MR"],
            [
                new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637),
                new CrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.9961, 10.7054),
                new CrossingPoint("EG-SALLOUM", "Salloum", "EG", "LY", 31.5535, 25.1543),
                new CrossingPoint("MR-ROSSO", "Rosso", "MR", "SN", 16.5128, -15.8061),
            ],
            [
                new BudgetLine("NA-EQ-1", "Surveillance equipment", 2_000_000m),
                new BudgetLine("NA-EQ-2", "Document examination equipment", 300_000m),
                new BudgetLine("NA-EQ-3", "Communications", 400_000m),
            ]), cancellationToken);
        var westernBalkans = await admin.Reporting.RegisterGrantAsync(new NewGrant(
            "IPA/2023/WB-IBM/EQ-02",
            "Regional support to protection-sensitive border management in the Western Balkans and Türkiye",
            EuDonor, "IpaIii", "Frontex", 8_000_000m, new DateOnly(2023, 6, 1), new DateOnly(2026, 12, 31),
            ["RS", "MK", "AL", "TR"],
            [
                new CrossingPoint("RS-HORGOS", "Horgoš", "RS", "HU", 46.1561, 19.9706),
                new CrossingPoint("RS-PRESEVO", "Preševo", "RS", "MK", 42.2581, 21.7006),
                new CrossingPoint("MK-TABANOVCE", "Tabanovce", "MK", "RS", 42.2175, 21.6989),
                new CrossingPoint("MK-BOGORODICA", "Bogorodica", "MK", "GR", 41.1353, 22.5519),
                new CrossingPoint("AL-KAKAVIJE", "Kakavijë", "AL", "GR", 39.9203, 20.3294),
                new CrossingPoint("TR-KAPIKULE", "Kapıkule", "TR", "BG", 41.7206, 26.3564),
            ],
            [
                new BudgetLine("WB-EQ-1", "Patrol vehicles", 1_000_000m),
                new BudgetLine("WB-EQ-2", "Communications", 300_000m),
            ]), cancellationToken);
        var coastal = await admin.Reporting.RegisterGrantAsync(new NewGrant(
            "IT-MININT/2024/TN-COAST-03",
            "Co-funded equipment for Tunisian border and coast guard units",
            ItalyDonor, "Amif", "IOM", 2_400_000m, new DateOnly(2024, 3, 1), new DateOnly(2026, 12, 31),
            ["TN"],
            [
                new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637),
                new CrossingPoint("TN-BOUCHEBKA", "Bouchebka", "TN", "DZ", 35.1667, 8.4167),
            ],
            [
                new BudgetLine("TN-EQ-1", "Maritime surveillance", 600_000m),
                new BudgetLine("TN-EQ-2", "Night-vision devices", 50_000m),
            ]), cancellationToken);
        log($"registered 2 donors and 3 grants ({northAfrica.Reference}, {westernBalkans.Reference}, {coastal.Reference})");

        await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(cancellationToken), g => g.Count >= 3, Propagation,
            "procurement to learn the 3 grants", cancellationToken);

        async Task<Guid> SupplierAsync(string name, string country, string registration) =>
            (await officer.Procurement.RegisterSupplierAsync(new NewSupplier(name, country, registration, "Tender desk",
                $"tenders@{new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).Take(16).ToArray())}.example"), cancellationToken)).Id;
        var thermovision = await SupplierAsync("Thermovision Systems GmbH", "DE", "HRB 184203");
        var optronique = await SupplierAsync("Optronique du Sud SARL", "FR", "RCS Marseille 812 334 019");
        var docucheck = await SupplierAsync("DocuCheck Forensics Kft.", "HU", "01-09-312877");
        var stes = await SupplierAsync("Société Tunisienne d'Équipements de Sécurité", "TN", "B0147552016");
        var balkanFleet = await SupplierAsync("Balkan Fleet Solutions d.o.o.", "SI", "8412275000");
        var anatolia = await SupplierAsync("Anatolia Savunma Araçları A.Ş.", "TR", "İstanbul 884512");
        var cantiere = await SupplierAsync("Cantiere Navale Adriatico S.r.l.", "IT", "AN-201947");
        await SupplierAsync("Shenzhen Vision Optics Co., Ltd.", "CN", "91440300MA5F");          // not eligible under these instruments
        log("registered 8 suppliers (one from a country no grant here makes eligible)");

        var requiredBy = today.AddDays(60);
        NewRequisition Need(Grant grant, string line, string category, string spec, int quantity, decimal estimate, string? crossingPoint, string? warehouse = null) =>
            new(grant.Id, line, category, spec, quantity, estimate, crossingPoint, warehouse, requiredBy);

        await ProcurementRun.ToSignedContractAsync(officer, northAfrica.Id, "T-NA-2025-001", "Long-range thermal cameras",
            [
                Need(northAfrica, "NA-EQ-1", "ThermalCamera", "Cooled MWIR 640×512 thermal camera, 25 km detection range, with tripod and control unit", 4, 42_500m, "TN-RAS-AJDIR"),
                Need(northAfrica, "NA-EQ-1", "ThermalCamera", "Cooled MWIR 640×512 thermal camera, 25 km detection range, with tripod and control unit", 4, 42_500m, "TN-DEHIBA-WAZIN"),
            ],
            [
                new Offer(thermovision, [41_900m, 41_900m], "DE"),
                new Offer(optronique, [39_800m, 39_800m], "FR", Compliant: false, Notes: "Uncooled detector offered; the specification requires cooled MWIR"),
            ], cancellationToken: cancellationToken);
        await ProcurementRun.ToSignedContractAsync(officer, northAfrica.Id, "T-NA-2025-002", "Document examination kits",
            [Need(northAfrica, "NA-EQ-2", "DocumentExaminationKit", "Portable document examination kit: UV/IR light sources, 30× magnifier, reference database", 6, 8_900m, "TN-DEHIBA-WAZIN")],
            [
                new Offer(docucheck, [9_200m], "HU", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 90, ["training offered"] = 80 }),
                new Offer(thermovision, [8_400m], "DE", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 65, ["training offered"] = 50 }),
                new Offer(stes, [8_700m], "TN", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 70, ["training offered"] = 90 }),
            ],
            invited: [docucheck, thermovision, stes], awardMethod: "BestValue", priceWeight: 40,
            criteria: [new AwardCriterion("technical quality", 45), new AwardCriterion("training offered", 15)], warrantyMonths: 12, cancellationToken: cancellationToken);
        await ProcurementRun.ToSignedContractAsync(officer, westernBalkans.Id, "T-WB-2025-004", "4×4 border patrol vehicles",
            [Need(westernBalkans, "WB-EQ-1", "PatrolVehicle", "4×4 patrol vehicle, diesel, light bar, radio mount, winter equipment", 3, 61_000m, "RS-HORGOS")],
            [new Offer(balkanFleet, [59_500m], "SI"), new Offer(anatolia, [57_900m], "TR")], warrantyMonths: 36, cancellationToken: cancellationToken);
        var (_, radios) = await ProcurementRun.ToSignedContractAsync(officer, westernBalkans.Id, "T-WB-2025-005", "TETRA handheld radios",
            [Need(westernBalkans, "WB-EQ-2", "Radio", "TETRA handheld radio with spare battery and vehicle charger", 20, 1_150m, "MK-TABANOVCE")],
            [new Offer(balkanFleet, [1_090m], "SI"), new Offer(anatolia, [1_120m], "TR"), new Offer(thermovision, [1_240m], "DE")],
            invited: [balkanFleet, anatolia, thermovision], cancellationToken: cancellationToken);
        await officer.Procurement.AmendContractAsync(radios.Id, "Two more handsets for the joint patrol at Tabanovce", today.AddDays(-7),
            [new LineAmendment(1, 22, null)], cancellationToken);
        await ProcurementRun.ToSignedContractAsync(officer, coastal.Id, "T-TN-2025-002", "Rigid-hull inflatable patrol boat",
            [Need(coastal, "TN-EQ-1", "Boat", "8 m rigid-hull inflatable patrol boat, twin 150 hp outboard engines, radar and AIS", 1, 185_000m, null, "Sfax coast guard base")],
            [new Offer(cantiere, [182_000m], "IT")], cancellationToken: cancellationToken);
        var nightVision = await ProcurementRun.DraftAndPublishAsync(officer, coastal.Id, "T-TN-2025-003", "Night-vision monoculars",
            [Need(coastal, "TN-EQ-2", "NightVisionDevice", "Gen 3 night-vision monocular with head mount", 12, 950m, "TN-BOUCHEBKA")], invited: [optronique],
            cancellationToken: cancellationToken);
        await officer.Procurement.CancelAsync(nightVision.Id, "Need covered by a national in-kind donation", cancellationToken: cancellationToken);
        log("ran 6 procedures (international open, local open ×2, competitive negotiated ×2 incl. best value, single tender): 5 signed contracts, one amended, one tender cancelled");

        var deliveries = await Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(pageSize: 200, cancellationToken: cancellationToken),
            p => p.TotalCount >= 6, Propagation, "inventory to expect the 6 contract lines", cancellationToken);

        var received = 0;
        var deployed = 0;
        var serial = 0;
        foreach (var delivery in deliveries.Items.OrderBy(d => d.ContractReference).ThenBy(d => d.ContractLineNumber))
        {
            var (accept, reject, reason) = delivery.ItemCategory switch
            {
                "ThermalCamera" => (4, 0, null),
                "DocumentExaminationKit" => (5, 1, "UV lamp broken in transit"),
                "PatrolVehicle" => (2, 0, null),
                "Radio" => (18, 2, "Batteries do not hold charge"),
                _ => (0, 0, (string?)null),
            };
            if (accept + reject == 0) continue;
            var prefix = delivery.ItemCategory switch
            {
                "ThermalCamera" => "TC-MW640", "DocumentExaminationKit" => "DEK-30X", "PatrolVehicle" => "VIN-WB4X4", _ => "TETRA-HH",
            };
            var receipt = await logistics.Inventory.ReceiveAsync(delivery.Id, new GoodsReceipt(
                today.AddDays(-12),
                Enumerable.Range(1, accept).Select(_ => $"{prefix}-{++serial:D4}").ToList(), reject, reason), cancellationToken);
            received += receipt.AcceptedQuantity;

            // Most units go to their destination; one camera and all vehicles stay in the warehouse for now.
            var toDeploy = delivery.ItemCategory == "ThermalCamera" && delivery.DestinationCrossingPointCode == "TN-DEHIBA-WAZIN" ? receipt.Assets.Take(3)
                : delivery.ItemCategory == "PatrolVehicle" ? [] : receipt.Assets;
            foreach (var asset in toDeploy)
            {
                await logistics.Inventory.DeployAsync(asset.Id, delivery.DestinationCrossingPointCode!, today.AddDays(-5), cancellationToken);
                deployed++;
            }
        }
        log($"received {received} units and deployed {deployed} at agreed crossing points; the boat is still awaited at the Sfax base");

        await Poll.UntilAsync(() => admin.Reporting.GetGrantSummaryAsync(northAfrica.Id, cancellationToken), s => s.AssetsDeployed >= 12, Propagation,
            "donor-reporting to count the North Africa deployments", cancellationToken);
    }
}
