using Equipment.ApiClient;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Contracts.Api;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Procurement.Contracts.Api;

namespace Equipment.AppHost;

/// <summary>
/// Demo data, entered through the public API as users would: two donors, three grants with real agreed crossing
/// points, contracts signed against them, deliveries received (a few units rejected) and assets deployed. Steps that do
/// not depend on each other go at once (as several users would work): the sign-ins, the grants, the suppliers, the seven
/// procedures, the shipments, the handovers, the deployments, and maintenance beside the two monitors' visits.
/// </summary>
public static class DemoSeed
{
    public const string EuDonor = "EU-DGNEAR";
    public const string ItalyDonor = "IT-MININT";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Uri gateway, Action<string> log, CancellationToken cancellationToken)
    {
        var users = await Task.WhenAll(new[] { "admin", "officer", "logistics", "technician", "monitor", "monitor2" }
            .Select(user => EquipmentApi.SignInAsync(gateway, user, "demo", cancellationToken)));
        var (admin, officer, logistics, technician, monitor, monitor2) = (users[0], users[1], users[2], users[3], users[4], users[5]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await Task.WhenAll(
            admin.Reporting.RegisterDonorAsync(new RegisterDonorRequest(EuDonor, "European Union (European Commission, DG NEAR)", "XI-IATI-EC_NEAR", "15"), cancellationToken),
            admin.Reporting.RegisterDonorAsync(new RegisterDonorRequest(ItalyDonor, "Italy, Ministry of the Interior (co-funding)", null, "10"), cancellationToken));
        IReadOnlyList<IndicatorInput> Indicators(int deployedTarget, int endYear) =>
        [
            new("OUT-1", "Equipment units deployed at the agreed border crossing points", IndicatorSource.AssetsDeployed, 0, 2023, deployedTarget, endYear),
            new("OUT-2", "Share of verified equipment found where agreed and in use (%)", IndicatorSource.VerifiedInUse, 0, 2023, 90, endYear),
            new("OUT-3", "Availability of deployed equipment (%)", IndicatorSource.Availability, 0, 2023, 95, endYear),
            new("OUT-4", "Share of deployed equipment seen by monitors (%)", IndicatorSource.VerificationCoverage, 0, 2023, 50, endYear),
        ];

        async Task<Guid> SupplierAsync(string name, string country, string registration) =>
            (await officer.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest(name, country, registration, "Tender desk",
                $"tenders@{new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).Take(16).ToArray())}.example"), cancellationToken)).Id;
        // Suppliers are procurement's own: registered while the grants are.
        var registeringSuppliers = Task.WhenAll(
            SupplierAsync("Thermovision Systems GmbH", "DE", "HRB 184203"),
            SupplierAsync("Optronique du Sud SARL", "FR", "RCS Marseille 812 334 019"),
            SupplierAsync("DocuCheck Forensics Kft.", "HU", "01-09-312877"),
            SupplierAsync("Société Tunisienne d'Équipements de Sécurité", "TN", "B0147552016"),
            SupplierAsync("Balkan Fleet Solutions d.o.o.", "SI", "8412275000"),
            SupplierAsync("Anatolia Savunma Araçları A.Ş.", "TR", "İstanbul 884512"),
            SupplierAsync("Cantiere Navale Adriatico S.r.l.", "IT", "AN-201947"),
            SupplierAsync("Shenzhen Vision Optics Co., Ltd.", "CN", "91440300MA5F"));          // not eligible under these instruments

        var registeringNorthAfrica = admin.Reporting.RegisterGrantAsync(new RegisterGrantRequest(
            "NDICI/2022/SN-MIG/IBM-NA-01",
            "Support to Cross-Border Cooperation and Integrated Border Management in North Africa",
            EuDonor, FundingInstrument.NdiciGlobalEurope, "ICMPD", 15_000_000m, new DateOnly(2023, 1, 1), new DateOnly(2027, 12, 31),
            ["TN", "EG", "MR"],
            [
                new CrossingPointInput("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637),
                new CrossingPointInput("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.9961, 10.7054),
                new CrossingPointInput("EG-SALLOUM", "Salloum", "EG", "LY", 31.5535, 25.1543),
                new CrossingPointInput("MR-ROSSO", "Rosso", "MR", "SN", 16.5128, -15.8061),
            ],
            [
                new BudgetLineInput("NA-EQ-1", "Surveillance equipment", 2_000_000m),
                new BudgetLineInput("NA-EQ-2", "Document examination equipment", 300_000m),
                new BudgetLineInput("NA-EQ-3", "Communications", 400_000m),
            ], Indicators: Indicators(40, 2027)), cancellationToken);
        var registeringWesternBalkans = admin.Reporting.RegisterGrantAsync(new RegisterGrantRequest(
            "IPA/2023/WB-IBM/EQ-02",
            "Regional support to protection-sensitive border management in the Western Balkans and Türkiye",
            EuDonor, FundingInstrument.IpaIii, "Frontex", 8_000_000m, new DateOnly(2023, 6, 1), new DateOnly(2026, 12, 31),
            ["RS", "MK", "AL", "TR"],
            [
                new CrossingPointInput("RS-HORGOS", "Horgoš", "RS", "HU", 46.1561, 19.9706),
                new CrossingPointInput("RS-PRESEVO", "Preševo", "RS", "MK", 42.2581, 21.7006),
                new CrossingPointInput("MK-TABANOVCE", "Tabanovce", "MK", "RS", 42.2175, 21.6989),
                new CrossingPointInput("MK-BOGORODICA", "Bogorodica", "MK", "GR", 41.1353, 22.5519),
                new CrossingPointInput("AL-KAKAVIJE", "Kakavijë", "AL", "GR", 39.9203, 20.3294),
                new CrossingPointInput("TR-KAPIKULE", "Kapıkule", "TR", "BG", 41.7206, 26.3564),
            ],
            [
                new BudgetLineInput("WB-EQ-1", "Patrol vehicles", 1_000_000m),
                new BudgetLineInput("WB-EQ-2", "Communications", 300_000m),
            ], Indicators: Indicators(30, 2026)), cancellationToken);
        var registeringCoastal = admin.Reporting.RegisterGrantAsync(new RegisterGrantRequest(
            "IT-MININT/2024/TN-COAST-03",
            "Co-funded equipment for Tunisian border and coast guard units",
            ItalyDonor, FundingInstrument.Amif, "IOM", 2_400_000m, new DateOnly(2024, 3, 1), new DateOnly(2026, 12, 31),
            ["TN"],
            [
                new CrossingPointInput("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637),
                new CrossingPointInput("TN-BOUCHEBKA", "Bouchebka", "TN", "DZ", 35.1667, 8.4167),
            ],
            [
                new BudgetLineInput("TN-EQ-1", "Maritime surveillance", 600_000m),
                new BudgetLineInput("TN-EQ-2", "Night-vision devices", 50_000m),
            ], Indicators: Indicators(8, 2026)), cancellationToken);
        var (northAfrica, westernBalkans, coastal) = (await registeringNorthAfrica, await registeringWesternBalkans, await registeringCoastal);
        var amending = admin.Reporting.AmendGrantAsync(westernBalkans.Id, new AmendGrantRequest(1, new DateOnly(2025, 9, 1),
            "Rider 1: implementation extended by six months; Bogorodica equipment moved to communications",
            EndDate: new DateOnly(2027, 6, 30),
            BudgetLines: [new BudgetLineInput("WB-EQ-1", "Patrol vehicles", 900_000m), new BudgetLineInput("WB-EQ-2", "Communications", 400_000m)]), cancellationToken);
        // Each grant's changes one after the other (they change one record), the grants at once.
        await Task.WhenAll(
            Task.Run(async () =>
            {
                await admin.Reporting.RecordDisbursementAsync(northAfrica.Id, new RecordDisbursementRequest(new DateOnly(2023, 2, 15), 4_500_000m, "NA-PF-1"), cancellationToken);
                await admin.Reporting.RecordDisbursementAsync(northAfrica.Id, new RecordDisbursementRequest(new DateOnly(2024, 9, 2), 3_000_000m, "NA-IP-2"), cancellationToken);
            }, cancellationToken),
            Task.Run(async () =>
            {
                westernBalkans = await amending;
                await admin.Reporting.RecordDisbursementAsync(westernBalkans.Id, new RecordDisbursementRequest(new DateOnly(2023, 7, 3), 2_400_000m, "WB-PF-1"), cancellationToken);
            }, cancellationToken),
            admin.Reporting.RecordDisbursementAsync(coastal.Id, new RecordDisbursementRequest(new DateOnly(2024, 4, 2), 720_000m, "TN-PF-1"), cancellationToken));
        log($"registered 2 donors and 3 grants ({northAfrica.Reference}, {westernBalkans.Reference} amended to version {westernBalkans.Version}, {coastal.Reference}) with indicators and 4 disbursements");

        await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(cancellationToken), g => g.Count >= 3, Propagation,
            "procurement to learn the 3 grants", cancellationToken);

        var suppliers = await registeringSuppliers;
        var (thermovision, optronique, docucheck, stes, balkanFleet, anatolia, cantiere) =
            (suppliers[0], suppliers[1], suppliers[2], suppliers[3], suppliers[4], suppliers[5], suppliers[6]);
        log("registered 8 suppliers (one from a country no grant here makes eligible)");

        var requiredBy = today.AddDays(-30);
        RaiseRequisitionRequest Need(GrantResponse grant, string line, string category, string spec, int quantity, decimal estimate, string? crossingPoint, string? warehouse = null) =>
            new(grant.Id, line, category, spec, quantity, estimate, crossingPoint, warehouse, requiredBy);

        // PRAG 2021/2024 gives an international open tender 60 days from publication: ProcurementRun's timeline gives 35,
        // so this one is published 150 days back and then run as ProcurementRun runs the others.
        // Logistics' warehouses and the technicians' preventive plans (which apply to each asset of the category when it is
        // deployed) are set up while the procedures run.
        var preparing = Task.WhenAll(
            technician.Maintenance.DefinePlanAsync(new DefinePlanRequest("ThermalCamera", 90, null, null, ["Clean optics and housing", "Check cooler run time", "Test pan/tilt and remote control"]), cancellationToken),
            technician.Maintenance.DefinePlanAsync(new DefinePlanRequest("PatrolVehicle", 90, null, 10_000, ["Oil and filters", "Brakes", "Tyres", "Light bar and radio mount"]), cancellationToken),
            technician.Maintenance.DefinePlanAsync(new DefinePlanRequest("Radio", 180, null, null, ["Battery capacity test", "Firmware", "Antenna and seals"]), cancellationToken),
            technician.Maintenance.DefinePlanAsync(new DefinePlanRequest("DocumentExaminationKit", 365, null, null, ["UV/IR lamp hours", "Reference database update"]), cancellationToken),
            logistics.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest("TN-TUNIS-WH", "ICMPD logistics warehouse, Tunis", "TN", "Zone industrielle Charguia II, Tunis"), cancellationToken),
            logistics.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest("MK-SKOPJE-WH", "Frontex project warehouse, Skopje", "MK", "Bul. Aleksandar Makedonski 18, Skopje"), cancellationToken));

        // The procedures of one grant go one after the other (an award and a signature change the grant's budget that
        // procurement keeps: two at once on one grant would meet as a concurrency conflict); the grants' go at once.
        var procedures = new List<(Guid Grant, Func<Task> Run)>();
        procedures.Add((northAfrica.Id, () => InternationalOpenTenderAsync(officer, northAfrica.Id, "T-NA-2025-001", "Long-range thermal cameras",
            [
                Need(northAfrica, "NA-EQ-1", "ThermalCamera", "Cooled MWIR 640×512 thermal camera, 25 km detection range, with tripod and control unit", 4, 42_500m, "TN-RAS-AJDIR"),
                Need(northAfrica, "NA-EQ-1", "ThermalCamera", "Cooled MWIR 640×512 thermal camera, 25 km detection range, with tripod and control unit", 4, 42_500m, "TN-DEHIBA-WAZIN"),
            ],
            [
                new Offer(thermovision, [41_900m, 41_900m], "DE"),
                new Offer(optronique, [39_800m, 39_800m], "FR", Compliant: false, Notes: "Uncooled detector offered; the specification requires cooled MWIR"),
            ], cancellationToken)));
        procedures.Add((northAfrica.Id, () => ProcurementRun.ToSignedContractAsync(officer, northAfrica.Id, "T-NA-2025-002", "Document examination kits",
            [Need(northAfrica, "NA-EQ-2", "DocumentExaminationKit", "Portable document examination kit: UV/IR light sources, 30× magnifier, reference database", 6, 8_900m, "TN-DEHIBA-WAZIN")],
            [
                new Offer(docucheck, [9_200m], "HU", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 90, ["training offered"] = 80 }),
                new Offer(thermovision, [8_400m], "DE", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 65, ["training offered"] = 50 }),
                new Offer(stes, [8_700m], "TN", QualityScores: new Dictionary<string, decimal> { ["technical quality"] = 70, ["training offered"] = 90 }),
            ],
            invited: [docucheck, thermovision, stes], awardMethod: AwardMethod.BestValue, priceWeight: 40,
            criteria: [new AwardCriterion("technical quality", 45), new AwardCriterion("training offered", 15)], warrantyMonths: 12, cancellationToken: cancellationToken)));
        procedures.Add((westernBalkans.Id, () => ProcurementRun.ToSignedContractAsync(officer, westernBalkans.Id, "T-WB-2025-004", "4×4 border patrol vehicles",
            [Need(westernBalkans, "WB-EQ-1", "PatrolVehicle", "4×4 patrol vehicle, diesel, light bar, radio mount, winter equipment", 3, 61_000m, "RS-HORGOS")],
            [new Offer(balkanFleet, [59_500m], "SI"), new Offer(anatolia, [57_900m], "TR")], warrantyMonths: 36, cancellationToken: cancellationToken)));
        procedures.Add((westernBalkans.Id, () => Task.Run(async () =>
        {
            var (_, radioContract) = await ProcurementRun.ToSignedContractAsync(officer, westernBalkans.Id, "T-WB-2025-005", "TETRA handheld radios",
                [Need(westernBalkans, "WB-EQ-2", "Radio", "TETRA handheld radio with spare battery and vehicle charger", 20, 1_150m, "MK-TABANOVCE")],
                [new Offer(balkanFleet, [1_090m], "SI"), new Offer(anatolia, [1_120m], "TR"), new Offer(thermovision, [1_240m], "DE")],
                invited: [balkanFleet, anatolia, thermovision], cancellationToken: cancellationToken);
            await officer.Procurement.AmendContractAsync(radioContract.Id, new AmendContractRequest("Two more handsets for the joint patrol at Tabanovce", today.AddDays(-50),
                [new LineAmendment(1, 22, null)]), cancellationToken);
        }, cancellationToken)));
        procedures.Add((coastal.Id, () => ProcurementRun.ToSignedContractAsync(officer, coastal.Id, "T-TN-2025-002", "Rigid-hull inflatable patrol boat",
            [Need(coastal, "TN-EQ-1", "Boat", "8 m rigid-hull inflatable patrol boat, twin 150 hp outboard engines, radar and AIS", 1, 185_000m, null, "Sfax coast guard base")],
            [new Offer(cantiere, [182_000m], "IT")], cancellationToken: cancellationToken)));
        procedures.Add((coastal.Id, () => Task.Run(async () =>
        {
            var nightVision = await ProcurementRun.DraftAndPublishAsync(officer, coastal.Id, "T-TN-2025-003", "Night-vision monoculars",
                [Need(coastal, "TN-EQ-2", "NightVisionDevice", "Gen 3 night-vision monocular with head mount", 12, 950m, "TN-BOUCHEBKA")], invited: [optronique],
                cancellationToken: cancellationToken);
            await officer.Procurement.CancelAsync(nightVision.Id, new CancelTenderRequest("Need covered by a national in-kind donation"), cancellationToken);
        }, cancellationToken)));
        procedures.Add((coastal.Id, () => ProcurementRun.ToSignedContractAsync(officer, coastal.Id, "T-TN-2025-004", "Handheld thermal binoculars",
            [Need(coastal, "TN-EQ-1", "ThermalCamera", "Handheld uncooled thermal binocular, 640×480, 3 km person detection, laser range finder", 6, 7_900m, "TN-BOUCHEBKA")],
            [new Offer(optronique, [7_650m], "FR"), new Offer(thermovision, [7_980m], "DE")], invited: [optronique, thermovision, stes], cancellationToken: cancellationToken)));
        await Task.WhenAll(procedures.GroupBy(p => p.Grant).Select(async grant => { foreach (var (_, run) in grant) await run(); }));
        await preparing;
        log("ran 7 procedures (international open, local open ×2, competitive negotiated ×3 incl. best value, single tender): 6 signed contracts, one amended, one tender cancelled");

        var deliveries = (await Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(pageSize: 200, cancellationToken: cancellationToken),
            p => p.TotalCount >= 7, Propagation, "inventory to expect the 7 contract lines", cancellationToken)).Items;
        IReadOnlyList<ExpectedDeliveryResponse> Lines(string contract) => deliveries.Where(d => d.ContractReference == contract).ToList();

        var receivingCameras = InventoryRun.ShipAndReceiveAsync(logistics, Lines("C-NA-2025-001"),
            [new Arrival(1, 4, 0, "Thermovision", "TV-MW640", "TVMW640-RA"), new Arrival(2, 4, 0, "Thermovision", "TV-MW640", "TVMW640-DW")],
            "DHL-TN-88412", "DHL Global Forwarding", "TN-TUNIS-WH", today.AddDays(-55), today.AddDays(-45), cancellationToken);
        var receivingKits = InventoryRun.ShipAndReceiveAsync(logistics, Lines("C-NA-2025-002"),
            [new Arrival(1, 5, 1, "DocuCheck", "DC-30X", "DC30X", VisibilityMarking: false, RejectionReason: "UV lamp broken in transit")],
            "HU-TN-2025-0912", "Hungarian Post Logistics", "TN-TUNIS-WH", today.AddDays(-52), today.AddDays(-45), cancellationToken);
        var receivingVehicles = InventoryRun.ShipAndReceiveAsync(logistics, Lines("C-WB-2025-004"),
            [new Arrival(1, 2, 0, "Toyota", "Land Cruiser 79", "JTELV71J")],
            "SI-MK-CMR-5521", "Intereuropa", "MK-SKOPJE-WH", today.AddDays(-50), today.AddDays(-44), cancellationToken);
        var receivingRadios = InventoryRun.ShipAndReceiveAsync(logistics, Lines("C-WB-2025-005"),
            [new Arrival(1, 18, 2, "Sepura", "SC21", "SC21", RejectionReason: "Batteries do not hold charge")],
            "SI-MK-CMR-5530", "Intereuropa", "MK-SKOPJE-WH", today.AddDays(-50), today.AddDays(-44), cancellationToken);
        var receivingBinoculars = InventoryRun.ShipAndReceiveAsync(logistics, Lines("C-TN-2025-004"),
            [new Arrival(1, 6, 0, "Optronique", "OS-HB640", "OSHB640")],
            "FR-TN-CMA-30917", "CMA CGM", "TN-TUNIS-WH", today.AddDays(-48), today.AddDays(-41), cancellationToken);
        var (cameras, kits, vehicles, radios, binoculars) =
            (await receivingCameras, await receivingKits, await receivingVehicles, await receivingRadios, await receivingBinoculars);
        log($"received {cameras.Count + kits.Count + vehicles.Count + radios.Count + binoculars.Count} units in 5 shipments (3 rejected; 2 radios of the amended contract still to ship); the boat is still awaited");

        var icmpd = new Representative("Sophie Laurent", "ICMPD project manager");
        var frontex = new Representative("Marko Petrović", "Frontex project officer");
        await Task.WhenAll(
            InventoryRun.HandOverAsync(logistics, [.. cameras, .. kits], today.AddDays(-40), "Tunis", "Garde nationale (Tunisia)",
                icmpd, new Representative("Col. Mohamed Ben Salah", "Director of border equipment"), cancellationToken),
            InventoryRun.HandOverAsync(logistics, binoculars, today.AddDays(-38), "Kasserine", "Garde nationale (Tunisia)",
                new Representative("Giulia Romano", "IOM project officer"), new Representative("Cdt. Hichem Gharbi", "District commander, Kasserine"), cancellationToken),
            InventoryRun.HandOverAsync(logistics, vehicles, today.AddDays(-40), "Belgrade", "Border Police Directorate (Serbia)",
                frontex, new Representative("Dragan Jovanović", "Head of logistics"), cancellationToken),
            InventoryRun.HandOverAsync(logistics, radios, today.AddDays(-40), "Skopje", "Border Police (North Macedonia)",
                frontex, new Representative("Elena Stojanovska", "Head of communications"), cancellationToken));

        var deployments = new List<(AssetResponse Asset, DeployAssetRequest Request)>();
        void Deploy(IEnumerable<AssetResponse> assets, string crossingPoint) =>
            deployments.AddRange(assets.Select(a => (a, new DeployAssetRequest(crossingPoint, today.AddDays(-35)))));
        Deploy(cameras.Where(a => a.SerialNumber.Contains("-RA-")), "TN-RAS-AJDIR");
        Deploy(cameras.Where(a => a.SerialNumber.Contains("-DW-")).Take(3), "TN-DEHIBA-WAZIN");
        Deploy(kits, "TN-DEHIBA-WAZIN");
        Deploy(radios, "MK-TABANOVCE");
        Deploy(binoculars, "TN-BOUCHEBKA");
        // A recorded deviation: the fourth camera bought for Dehiba–Wazin went to Ras Ajdir instead, with the reason.
        deployments.Add((cameras.Where(a => a.SerialNumber.Contains("-DW-")).Skip(3).First(), new DeployAssetRequest("TN-RAS-AJDIR", today.AddDays(-35),
            "Dehiba–Wazin's fourth tower mount was not ready; the camera covers the Ras Ajdir approach road until it is")));
        await Parallel.ForEachAsync(deployments, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (d, token) => await logistics.Inventory.DeployAsync(d.Asset.Id, d.Request, token));
        var deployed = deployments.Count;
        var moved = cameras.First(a => a.SerialNumber.Contains("-RA-"));
        await Task.WhenAll(
            logistics.Inventory.TransferAsync(moved.Id, new TransferAssetRequest("TN-DEHIBA-WAZIN", today.AddDays(-10), "Night surveillance reinforced at Dehiba–Wazin after the joint risk analysis"), cancellationToken),
            logistics.Inventory.DisposeAsync(radios[^1].Id, new DisposeAssetRequest(DisposalKind.Stolen, today.AddDays(-3), "Stolen from a patrol vehicle at Tabanovce", "MK police report 1147/2025"), cancellationToken));
        log($"handed over 4 lots to the border authorities, deployed {deployed} assets, transferred one camera, and recorded one radio stolen");

        // Maintenance's work and the monitors' visits do not depend on each other: they go at once.
        var maintaining = Task.Run(async () =>
        {
            var maintained = await Poll.UntilAsync(() => technician.Maintenance.ListAssetsAsync("TN-DEHIBA-WAZIN", pageSize: 200, cancellationToken: cancellationToken),
                // The cameras and the kits come by events of their own, in no set order: wait for both.
                p => p.Items.Count(a => a.ItemCategory == "ThermalCamera") >= 4 && p.Items.Count(a => a.ItemCategory == "DocumentExaminationKit") >= kits.Count,
                Propagation, "maintenance to learn the deployed cameras and document kits", cancellationToken);
            var camera = maintained.Items.First(a => a.ItemCategory == "ThermalCamera");
            var fault = await technician.Maintenance.ReportFaultAsync(camera.AssetId, new ReportFaultRequest("No thermal image after dusk; cooler does not reach temperature", FaultSeverity.High,
                DateTime.UtcNow.AddDays(-7)), cancellationToken);
            await technician.Maintenance.ChangeStatusAsync(camera.AssetId, new ChangeStatusRequest(OperationalStatus.OutOfService, DateTime.UtcNow.AddDays(-7), "Cooler failure"), cancellationToken);
            var repair = await technician.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.AssetId, WorkOrderKind.Corrective, fault.Id), cancellationToken);
            await technician.Maintenance.ScheduleAsync(repair.Id, new ScheduleWorkOrderRequest(today.AddDays(-6), "Anis Trabelsi"), cancellationToken);
            await technician.Maintenance.StartAsync(repair.Id, new StartWorkOrderRequest(today.AddDays(-6)), cancellationToken);
            await technician.Maintenance.ChangeStatusAsync(camera.AssetId, new ChangeStatusRequest(OperationalStatus.UnderRepair, DateTime.UtcNow.AddDays(-6), "Cooler replacement under warranty"), cancellationToken);
            await technician.Maintenance.CompleteAsync(repair.Id, new CompleteWorkOrderRequest(today.AddDays(-4), 5, "Stirling cooler replaced by the supplier's engineer",
                [new PartUsed("Stirling cooler", 1, 1_850m)]), cancellationToken);
            await technician.Maintenance.ChangeStatusAsync(camera.AssetId, new ChangeStatusRequest(OperationalStatus.Operational, DateTime.UtcNow.AddDays(-4), "Repaired"), cancellationToken);
            if (repair.WarrantyClaimId is { } claim)
            {
                await technician.Maintenance.DecideClaimAsync(claim, new DecideWarrantyClaimRequest(true, "Covered: cooler failure within 24 months"), cancellationToken);
                await technician.Maintenance.ResolveClaimAsync(claim, new ResolveWarrantyClaimRequest(1_850m), cancellationToken);
            }
            var kit = maintained.Items.First(a => a.ItemCategory == "DocumentExaminationKit");
            var service = await technician.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(kit.AssetId, WorkOrderKind.Preventive), cancellationToken);
            await technician.Maintenance.ScheduleAsync(service.Id, new ScheduleWorkOrderRequest(today.AddDays(-2), "Anis Trabelsi"), cancellationToken);
            await technician.Maintenance.StartAsync(service.Id, new StartWorkOrderRequest(today.AddDays(-2)), cancellationToken);
            await technician.Maintenance.CompleteAsync(service.Id, new CompleteWorkOrderRequest(today.AddDays(-2), 1.5m, "Lamp hours checked, database updated"), cancellationToken);
            await technician.Maintenance.RecordUsageAsync(camera.AssetId, new RecordUsageRequest(today.AddDays(-30), today.AddDays(-8), Hours: 264), cancellationToken);
            log("maintenance: 4 plans applied on deployment, one camera fault repaired under warranty (claim accepted, €1,850 borne by the supplier), one preventive service");
        }, cancellationToken);

        var northAfricaVisit = Task.Run(async () =>
        {
            await Poll.UntilAsync(() => admin.Reporting.GetGrantAsync(northAfrica.Id, cancellationToken), s => s.Figures.CrossingPoints.Single(p => p.Code == "TN-DEHIBA-WAZIN").Funnel.Deployed >= 9,
                Propagation, "donor-reporting to see the Dehiba–Wazin deployments", cancellationToken);
            var visit = await monitor.Reporting.PlanVisitAsync(northAfrica.Id, new PlanVisitRequest("TN-DEHIBA-WAZIN", today.AddDays(-1), 4, Seed: 2025), cancellationToken);
            var seenAt = DateTime.UtcNow.AddDays(-1);
            await monitor.Reporting.RecordVisitAsync(visit.Id, new RecordVisitRequest(today.AddDays(-1), visit.SampledAssetIds.Select((asset, i) => i switch
                {
                    0 => new AssetObservation(asset, Finding.Relocated, true, true, $"DW-{i}.jpg", 31.9921, 10.7102, seenAt, "Found in the shift office, not on its tower"),
                    1 => new AssetObservation(asset, Finding.Unused, false, true, $"DW-{i}.jpg", 31.9961, 10.7054, seenAt, "Still in its transport case: no trained operator"),
                    _ => new AssetObservation(asset, Finding.FoundAsExpected, true, i % 2 == 0, $"DW-{i}.jpg", 31.9961, 10.7054, seenAt),
                }).ToList(),
                [new FollowUp("Put the relocated camera back on its tower", "Garde nationale (Tunisia)", today.AddDays(14)),
                 new FollowUp("Train two operators for the document kits", "ICMPD", today.AddDays(30))]), cancellationToken);
            log("the EU monitor verified 4 sampled assets at Dehiba–Wazin: one relocated, one unused, with follow-ups");
        }, cancellationToken);

        var coastalVisit = Task.Run(async () =>
        {
            await Poll.UntilAsync(() => monitor2.Reporting.GetGrantAsync(coastal.Id, cancellationToken), s => s.Figures.Funnel.Deployed >= 6, Propagation,
                "donor-reporting to see the Bouchebka deployments", cancellationToken);
            var coastVisit = await monitor2.Reporting.PlanVisitAsync(coastal.Id, new PlanVisitRequest("TN-BOUCHEBKA", today.AddDays(-2), 3, Seed: 7), cancellationToken);
            var seenAtBouchebka = DateTime.UtcNow.AddDays(-2);
            await monitor2.Reporting.RecordVisitAsync(coastVisit.Id, new RecordVisitRequest(today.AddDays(-2), coastVisit.SampledAssetIds.Select((asset, i) => i switch
                {
                    0 => new AssetObservation(asset, Finding.NotFound, false, false, null, null, null, seenAtBouchebka, "Said to be on a night patrol; to be shown on the next visit"),
                    _ => new AssetObservation(asset, Finding.FoundAsExpected, true, true, $"BK-{i}.jpg", 35.1671, 8.4162, seenAtBouchebka),
                }).ToList(),
                [new FollowUp("Show binocular OSHB640 on the next visit, with its patrol log", "Garde nationale (Tunisia)", today.AddDays(21))]), cancellationToken);
            log("the Italian monitor verified 3 sampled binoculars at Bouchebka: two in use, one not shown");
        }, cancellationToken);
        await Task.WhenAll(maintaining, northAfricaVisit, coastalVisit);

        await Poll.UntilAsync(() => admin.Reporting.GetGrantAsync(northAfrica.Id, cancellationToken), s => s.Figures.Funnel.Deployed >= 12, Propagation,
            "donor-reporting to count the North Africa deployments", cancellationToken);
    }

    /// <summary>An international open tender with PRAG 2021/2024's 60 days (published 150 days back, deadline 85), then ProcurementRun's steps, committee included.</summary>
    private static async Task InternationalOpenTenderAsync(EquipmentApi officer, Guid grantId, string reference, string title,
        IReadOnlyList<RaiseRequisitionRequest> needs, IReadOnlyList<Offer> offers, CancellationToken cancellationToken)
    {
        var requisitions = new List<Guid>();
        foreach (var need in needs) requisitions.Add((await officer.Procurement.RaiseRequisitionAsync(need, cancellationToken)).Id);
        var tender = await officer.Procurement.CreateTenderAsync(new CreateTenderRequest(reference, title, grantId, [new LotInput(title, requisitions)],
            AwardMethod.LowestPrice, 0, null, null), cancellationToken);
        var now = DateTime.UtcNow;
        await officer.Procurement.PublishAsync(tender.Id, new PublishTenderRequest(now.AddDays(-150), now.AddDays(-85)), cancellationToken);
        foreach (var offer in offers)
            await officer.Procurement.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(offer.SupplierId, now.AddDays(-90),
                offer.UnitPrices.Select((price, i) => new BidLineInput(i + 1, price, offer.Origin)).ToList()), cancellationToken);
        await ProcurementRun.RecordCommitteeAsync(officer, tender.Id, DateOnly.FromDateTime(now.AddDays(-86)), cancellationToken);
        await officer.Procurement.StartEvaluationAsync(tender.Id, 1, cancellationToken);
        var bids = await officer.Procurement.ListBidsAsync(tender.Id, 1, cancellationToken);
        foreach (var offer in offers)
            await officer.Procurement.EvaluateBidAsync(tender.Id, bids.Single(b => b.SupplierId == offer.SupplierId).Id,
                new EvaluateBidRequest(true, offer.Compliant, offer.Notes, offer.QualityScores), cancellationToken);
        await officer.Procurement.ProposeAwardAsync(tender.Id, 1, cancellationToken);
        await officer.Procurement.StartStandstillAsync(tender.Id, 1, new StartStandstillRequest(DateOnly.FromDateTime(now.AddDays(-80))), cancellationToken);
        await officer.Procurement.DecideAwardAsync(tender.Id, 1, new DecideAwardRequest(DateOnly.FromDateTime(now.AddDays(-70))), cancellationToken);
        var draft = await officer.Procurement.DraftContractAsync(tender.Id, 1, new DraftContractRequest(reference.Replace("T-", "C-"), 24), cancellationToken);
        await officer.Procurement.SignContractAsync(draft.Id, new SignContractRequest(DateOnly.FromDateTime(now.AddDays(-65))), cancellationToken);
    }
}
