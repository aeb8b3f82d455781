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
            ]), cancellationToken);
        var coastal = await admin.Reporting.RegisterGrantAsync(new NewGrant(
            "IT-MININT/2024/TN-COAST-03",
            "Co-funded equipment for Tunisian border and coast guard units",
            ItalyDonor, "Amif", "IOM", 2_400_000m, new DateOnly(2024, 3, 1), new DateOnly(2026, 2, 28),
            ["TN"],
            [
                new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637),
                new CrossingPoint("TN-BOUCHEBKA", "Bouchebka", "TN", "DZ", 35.1667, 8.4167),
            ]), cancellationToken);
        log($"registered 2 donors and 3 grants ({northAfrica.Reference}, {westernBalkans.Reference}, {coastal.Reference})");

        await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(cancellationToken), g => g.Count >= 3, Propagation,
            "procurement to learn the 3 grants", cancellationToken);

        await SignAsync(officer, new NewContract("NA-01/SUP/2024/001", northAfrica.Id, "Thermovision Systems GmbH", "DE",
        [
            new NewContractLine("ThermalCamera", "Long-range thermal imaging camera, cooled MWIR, 640×512, with tripod", 4, 42_500m, "TN-RAS-AJDIR", today.AddDays(60), 24),
            new NewContractLine("DocumentExaminationKit", "Portable document examination kit (UV/IR, 30× magnifier)", 6, 8_900m, "TN-DEHIBA-WAZIN", today.AddDays(45), 12),
        ]), today.AddDays(-90), cancellationToken);
        await SignAsync(officer, new NewContract("WB-02/SUP/2024/004", westernBalkans.Id, "Balkan Fleet Solutions d.o.o.", "SI",
        [
            new NewContractLine("PatrolVehicle", "4×4 border patrol vehicle, diesel, with light bar and radio mount", 3, 61_000m, "RS-HORGOS", today.AddDays(90), 36),
            new NewContractLine("Radio", "TETRA handheld radio with spare battery", 20, 1_150m, "MK-TABANOVCE", today.AddDays(30), 24),
        ]), today.AddDays(-75), cancellationToken);
        var boats = await SignAsync(officer, new NewContract("TN-03/SUP/2025/002", coastal.Id, "Cantiere Navale Adriatico S.r.l.", "IT",
        [
            new NewContractLine("Boat", "8 m rigid-hull inflatable patrol boat with twin outboard engines", 1, 185_000m, "TN-RAS-AJDIR", today.AddDays(120), 24),
        ]), today.AddDays(-30), cancellationToken);
        log("signed 3 contracts");

        var deliveries = await Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(pageSize: 200, cancellationToken: cancellationToken),
            p => p.TotalCount >= 5, Propagation, "inventory to expect the 5 contract lines", cancellationToken);

        var received = 0;
        var deployed = 0;
        foreach (var delivery in deliveries.Items)
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
                today.AddDays(-20),
                Enumerable.Range(1, accept).Select(i => $"{prefix}-{i:D4}").ToList(), reject, reason), cancellationToken);
            received += receipt.AcceptedQuantity;

            // Most units go to their destination; one camera and all vehicles stay in the warehouse for now.
            var toDeploy = delivery.ItemCategory == "ThermalCamera" ? receipt.Assets.Take(3)
                : delivery.ItemCategory == "PatrolVehicle" ? [] : receipt.Assets;
            foreach (var asset in toDeploy)
            {
                await logistics.Inventory.DeployAsync(asset.Id, delivery.DestinationCrossingPointCode, today.AddDays(-10), cancellationToken);
                deployed++;
            }
        }
        log($"received {received} units and deployed {deployed} at agreed crossing points; the boat ({boats.Reference}) is still awaited");

        await Poll.UntilAsync(() => admin.Reporting.GetGrantSummaryAsync(northAfrica.Id, cancellationToken), s => s.AssetsDeployed >= 8, Propagation,
            "donor-reporting to count the North Africa deployments", cancellationToken);
    }

    private static async Task<Contract> SignAsync(EquipmentApi officer, NewContract contract, DateOnly signedOn, CancellationToken cancellationToken)
    {
        var draft = await officer.Procurement.DraftContractAsync(contract, cancellationToken);
        return await officer.Procurement.SignContractAsync(draft.Id, signedOn, cancellationToken);
    }
}
