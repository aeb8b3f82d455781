using Equipment.ApiClient;
using Equipment.AppHost;

namespace Equipment.System.Tests;

/// <summary>The steps of the chain, through the gateway, as the people who do them.</summary>
public sealed class Scenario(EquipmentApi admin, EquipmentApi officer, EquipmentApi logistics)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<Scenario> SignInAsync(RunningSystem system) =>
        new(await system.SignInAsync("admin"), await system.SignInAsync("officer"), await system.SignInAsync("logistics"));

    public async Task<GrantResponse> RegisterGrantAsync(string donorCode)
    {
        var donors = await admin.Reporting.ListDonorsAsync();
        if (donors.All(d => d.Code != donorCode))
            await admin.Reporting.RegisterDonorAsync(new RegisterDonorRequest(donorCode, "European Union (DG NEAR)"));
        var grant = await admin.Reporting.RegisterGrantAsync(new RegisterGrantRequest(
            "NDICI/" + Guid.NewGuid().ToString("N")[..8], "Support to IBM in North Africa", donorCode, FundingInstrument.NdiciGlobalEurope, "ICMPD",
            4_000_000m, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), ["TN"],
            [new CrossingPointInput("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637), new CrossingPointInput("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.9961, 10.7054)],
            [new BudgetLineInput("EQ-1", "Surveillance and communications equipment", 500_000m)]));
        await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(), g => g.Any(k => k.GrantId == grant.Id), Deadline, "procurement to learn the grant");
        return grant;
    }

    /// <summary>
    /// A single-tender procedure (under €20,000) run to a signed contract: cameras for Ras Ajdir at €4,400 each and five
    /// radios for Dehiba–Wazin at €1,100 each.
    /// </summary>
    public async Task<ContractResponse> SignContractAsync(GrantResponse grant, int cameras = 2)
    {
        var supplier = await officer.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest("Thermovision Systems GmbH", "DE", "HRB " + Guid.NewGuid().ToString("N")[..8],
            "Tender desk", "tenders@thermovision.example"));
        var (_, contract) = await ProcurementRun.ToSignedContractAsync(officer, grant.Id, "T-" + Guid.NewGuid().ToString("N")[..8], "Cameras and radios",
            [
                new RaiseRequisitionRequest(grant.Id, "EQ-1", "ThermalCamera", "Uncooled thermal camera, 5 km range", cameras, 4_500m, "TN-RAS-AJDIR", null, Today.AddDays(60)),
                new RaiseRequisitionRequest(grant.Id, "EQ-1", "Radio", "TETRA handheld radio", 5, 1_150m, "TN-DEHIBA-WAZIN", null, Today.AddDays(30)),
            ],
            [new Offer(supplier.Id, [4_400m, 1_100m], "DE")], invited: [supplier.Id]);
        return contract;
    }

    public Task<Page<ExpectedDeliveryResponse>> ExpectedAsync(Guid contractId, int atLeast = 1) =>
        Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(contractId), p => p.TotalCount >= atLeast, Deadline,
            $"inventory to expect the lines of contract {contractId}");
}
