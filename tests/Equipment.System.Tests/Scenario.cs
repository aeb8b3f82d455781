using Equipment.ApiClient;

namespace Equipment.System.Tests;

/// <summary>The steps of the chain, through the gateway, as the people who do them.</summary>
public sealed class Scenario(EquipmentApi admin, EquipmentApi officer, EquipmentApi logistics)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<Scenario> SignInAsync(RunningSystem system) =>
        new(await system.SignInAsync("admin"), await system.SignInAsync("officer"), await system.SignInAsync("logistics"));

    public async Task<Grant> RegisterGrantAsync(string donorCode)
    {
        var donors = await admin.Reporting.ListDonorsAsync();
        if (donors.All(d => d.Code != donorCode))
            await admin.Reporting.RegisterDonorAsync(new Donor(donorCode, "European Union (DG NEAR)"));
        var grant = await admin.Reporting.RegisterGrantAsync(new NewGrant(
            "NDICI/" + Guid.NewGuid().ToString("N")[..8], "Support to IBM in North Africa", donorCode, "NdiciGlobalEurope", "ICMPD",
            4_000_000m, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637), new CrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.9961, 10.7054)]));
        await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(), g => g.Any(k => k.GrantId == grant.Id), Deadline, "procurement to learn the grant");
        return grant;
    }

    public async Task<Contract> SignContractAsync(Grant grant, int cameras = 2)
    {
        var draft = await officer.Procurement.DraftContractAsync(new NewContract("C-" + Guid.NewGuid().ToString("N")[..8], grant.Id, "Thermovision Systems GmbH", "DE",
        [
            new NewContractLine("ThermalCamera", "Long-range thermal camera", cameras, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24),
            new NewContractLine("Radio", "TETRA handheld radio", 5, 1_150m, "TN-DEHIBA-WAZIN", Today.AddDays(30), 12),
        ]));
        return await officer.Procurement.SignContractAsync(draft.Id, Today);
    }

    public Task<Page<ExpectedDelivery>> ExpectedAsync(Guid contractId, int atLeast = 1) =>
        Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(contractId), p => p.TotalCount >= atLeast, Deadline,
            $"inventory to expect the lines of contract {contractId}");
}
