using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>Two donors, one grant each: every grant endpoint answers its own monitor, 404s the other donor's, and serves the administrator.</summary>
public class ScopingMatrixTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    public static readonly TheoryData<string> GrantEndpoints =
    [
        "/api/reporting/grants/{grant}",
        "/api/reporting/grants/{grant}/versions",
        "/api/reporting/grants/{grant}/disbursements",
        "/api/reporting/grants/{grant}/visits",
        "/api/reporting/grants/{grant}/allegations",
        "/api/reporting/grants/{grant}/report.csv",
        "/api/reporting/grants/{grant}/report.xlsx",
        "/api/reporting/grants/{grant}/report.html",
        "/api/reporting/grants/{grant}/missing-items",
        "/api/reporting/visits/{visit}",
    ];

    private sealed record DonorSetup(string Donor, Guid Grant, Guid Visit, string Reference);

    private async Task<DonorSetup> SetUpAsync()
    {
        var donor = await _world.DonorAsync();
        var reference = "G-" + Guid.NewGuid().ToString("N")[..8];
        var grant = await _world.GrantAsync(donor, reference);
        var history = ReportingWorld.Record(grant);
        await _world.DeliverAllAsync(history.Events);
        await _world.VerifyDehibaWazinAsync(grant, donor, history);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var visits = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/grants/{grant}/visits"));
        return new DonorSetup(donor, grant, visits["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>(), reference);
    }

    [Theory]
    [MemberData(nameof(GrantEndpoints))]
    public async Task Own_grant_answers_another_donors_is_not_found_the_administrator_sees_both(string template)
    {
        var mine = await SetUpAsync();
        var theirs = await SetUpAsync();
        string Url(DonorSetup s) => template.Replace("{grant}", s.Grant.ToString()).Replace("{visit}", s.Visit.ToString());
        using var monitor = factory.ClientAs(Roles.DonorMonitor, mine.Donor);

        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync(Url(mine))).StatusCode);
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync(Url(theirs)));
        Assert.Equal(HttpStatusCode.OK, (await _world.Admin.GetAsync(Url(theirs))).StatusCode);
    }

    [Fact]
    public async Task Writing_to_another_donors_grant_is_not_found_either()
    {
        var mine = await SetUpAsync();
        var theirs = await SetUpAsync();
        using var monitor = factory.ClientAs(Roles.DonorMonitor, mine.Donor);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.PostAsJsonAsync($"/api/reporting/grants/{theirs.Grant}/visits", new { plannedFor = today, sampleSize = 1 }));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.PostAsJsonAsync($"/api/reporting/grants/{theirs.Grant}/allegations", new { reportedBy = "x", allegation = "y" }));
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{mine.Grant}/visits", new { plannedFor = today, sampleSize = 1 }));
    }

    [Fact]
    public async Task Lists_and_the_iati_file_hold_only_the_callers_grants()
    {
        var mine = await SetUpAsync();
        var theirs = await SetUpAsync();
        using var monitor = factory.ClientAs(Roles.DonorMonitor, mine.Donor);

        var grants = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/reporting/grants?pageSize=200"));
        Assert.Equal([mine.Reference], grants["items"]!.AsArray().Select(g => g!["reference"]!.GetValue<string>()));

        XDocument Iati(string xml) => XDocument.Parse(xml);
        var own = Iati(await monitor.GetStringAsync("/api/reporting/iati/activities"));
        Assert.Equal([$"{mine.Donor}-{mine.Reference}"], own.Root!.Elements("iati-activity").Select(a => a.Element("iati-identifier")!.Value));
        var all = Iati(await _world.Admin.GetStringAsync("/api/reporting/iati/activities")).Root!.Elements("iati-activity").Select(a => a.Element("iati-identifier")!.Value).ToList();
        Assert.Contains($"{mine.Donor}-{mine.Reference}", all);
        Assert.Contains($"{theirs.Donor}-{theirs.Reference}", all);
    }

    [Fact]
    public async Task A_monitor_token_without_a_donor_sees_nothing()
    {
        var mine = await SetUpAsync();
        using var nobody = factory.ClientAs(Roles.DonorMonitor);
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await nobody.GetAsync($"/api/reporting/grants/{mine.Grant}"));
        var grants = await HttpAssert.StatusAsync(HttpStatusCode.OK, await nobody.GetAsync("/api/reporting/grants"));
        Assert.Empty(grants["items"]!.AsArray());
    }
}
