using Equipment.AppHost;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Procurement.Contracts.Api;

namespace Equipment.System.Tests;

/// <summary>The system as a user starts it: the AppHost enters its demo data through the gateway before it says it is running.</summary>
public sealed class SeededSystem : RunningSystem
{
    protected override bool Seeded => true;
}

public sealed class DemoSeedTests(SeededSystem system) : IClassFixture<SeededSystem>
{
    [Fact]
    public async Task The_run_command_seeds_the_demo_data_through_the_gateway_before_it_says_the_system_is_running()
    {
        var admin = await system.SignInAsync("admin");
        var grants = (await admin.Reporting.ListGrantsAsync(pageSize: 50)).Items;
        Assert.Equal(["IPA/2023/WB-IBM/EQ-02", "IT-MININT/2024/TN-COAST-03", "NDICI/2022/SN-MIG/IBM-NA-01"], grants.Select(g => g.Reference).Order());
        Assert.Equal(2, grants.Single(g => g.Reference == "IPA/2023/WB-IBM/EQ-02").Version);          // the rider

        var northAfrica = await admin.Reporting.GetGrantAsync(grants.Single(g => g.Reference.StartsWith("NDICI")).Id);
        Assert.Equal(13, northAfrica.Figures.Funnel.Deployed);                                      // 8 cameras (one transferred) and 5 kits
        Assert.Equal(1, northAfrica.Figures.DeviationCount);
        Assert.Equal(2, (await admin.Reporting.ListVisitsAsync(northAfrica.Grant.Id)).Items.Count(v => v.Status == VisitStatus.Recorded)
            + (await admin.Reporting.ListVisitsAsync(grants.Single(g => g.Reference.StartsWith("IT-")).Id)).Items.Count(v => v.Status == VisitStatus.Recorded));

        var officer = await system.SignInAsync("officer");
        var contracts = (await officer.Procurement.ListContractsAsync(pageSize: 50)).Items;
        Assert.Equal(6, contracts.Count(c => c.Status == ContractStatus.Signed));
        var tenders = (await officer.Procurement.ListTendersAsync(pageSize: 50)).Items;
        Assert.Equal(7, tenders.Count);
        Assert.Single(tenders, t => t.Status == TenderStatus.Cancelled);
    }
}
