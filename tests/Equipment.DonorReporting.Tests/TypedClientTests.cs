using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>The Refit client of <c>/api/reporting</c> against the service itself: routes, bodies, enums, downloads and problem details agree.</summary>
public class TypedClientTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IReportingApi _admin = EquipmentApi.For(factory.ClientAs(Roles.Administrator, username: "admin")).Reporting;
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<GrantResponse> GrantAsync(string donor) => await _admin.RegisterGrantAsync(new RegisterGrantRequest(
        "G-" + Guid.NewGuid().ToString("N")[..8], "Support to IBM in North Africa", donor, FundingInstrument.NdiciGlobalEurope, "ICMPD", 1_000_000m,
        new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31), ["TN"],
        [new CrossingPointInput(ReportingWorld.RasAjdir, "Ras Ajdir", "TN", "LY", 33.153601, 11.563702, "Garde nationale"),
         new CrossingPointInput(ReportingWorld.DehibaWazin, "Dehiba–Wazin", "TN", "LY", 31.996103, 10.705404)],
        [new BudgetLineInput("EQ-1", "Surveillance equipment", 600_000m)],
        Indicators: [new IndicatorInput("OUT-1", "Units deployed", IndicatorSource.AssetsDeployed, 0, 2025, 10, 2030),
                     new IndicatorInput("OUT-2", "Verified in use (%)", IndicatorSource.VerifiedInUse, 0, 2025, 90, 2030)]));

    [Fact]
    public async Task A_grant_is_registered_amended_paid_verified_and_reported_through_the_typed_client()
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await _admin.RegisterDonorAsync(new RegisterDonorRequest(donor, "Donor " + donor, "XI-IATI-EC_NEAR", "15"));
        Assert.Contains(await _admin.ListDonorsAsync(), d => d.Code == donor);
        var grant = await GrantAsync(donor);
        Assert.Equal((FundingInstrument.NdiciGlobalEurope, IndicatorMeasure.Percentage), (grant.Instrument, grant.Indicators[1].Measure));

        var amended = await _admin.AmendGrantAsync(grant.Id, new AmendGrantRequest(1, new DateOnly(2025, 9, 1), "Rider 1", Amount: 1_200_000m));
        Assert.Equal((2, 1_200_000m), (amended.Version, amended.Amount));
        Assert.Equal([1, 2], (await _admin.ListGrantVersionsAsync(grant.Id)).Select(v => v.Version));
        var trail = await _admin.GetAuditTrailAsync("Grant", grant.Id.ToString());
        Assert.Equal(["Created", "Changed"], trail.Select(e => e.Action));
        Assert.Equal("admin", trail[^1].User);
        Assert.Contains("Amount", trail[^1].ChangedFields);
        await _admin.RecordDisbursementAsync(grant.Id, new RecordDisbursementRequest(new DateOnly(2025, 2, 1), 300_000m, "PF-1"));
        Assert.Equal(300_000m, Assert.Single(await _admin.ListDisbursementsAsync(grant.Id)).Amount);
        Assert.Contains((await _admin.ListGrantsAsync(pageSize: 200)).Items, g => g.Id == grant.Id);

        var history = ReportingWorld.Record(grant.Id);
        await new ReportingWorld(factory).DeliverAllAsync(history.Events);
        var visit = await _admin.PlanVisitAsync(grant.Id, new PlanVisitRequest(ReportingWorld.DehibaWazin, Today, 2, Seed: 11));
        Assert.Equal(VisitStatus.Planned, visit.Status);
        var seenAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var recorded = await _admin.RecordVisitAsync(visit.Id, new RecordVisitRequest(Today, visit.SampledAssetIds
            .Select(id => new AssetObservation(id, Finding.FoundAsExpected, true, true, "p.jpg", 31.9961, 10.7054, seenAt)).ToList(),
            [new FollowUp("Check again", "ICMPD", Today.AddDays(30))]));
        Assert.Equal(VisitStatus.Recorded, recorded.Status);
        Assert.Equal(recorded.Id, Assert.Single((await _admin.ListVisitsAsync(grant.Id)).Items).Id);
        Assert.Equal(Finding.FoundAsExpected, (await _admin.GetVisitAsync(visit.Id)).Findings[0].Finding);

        var report = await _admin.GetGrantAsync(grant.Id);
        Assert.Equal(300_000m, report.Figures.Budget.Disbursed);
        Assert.True(report.Figures.Verification.Verified >= 1);

        var allegation = await _admin.ReportAllegationAsync(grant.Id, new ReportAllegationRequest(history.A1, "Anonymous", "Used for private purposes"));
        Assert.Equal(AllegationStatus.Received, allegation.Status);
        Assert.Equal(AllegationStatus.UnderInvestigation, (await _admin.UpdateAllegationAsync(allegation.Id, new UpdateAllegationRequest(AllegationStatus.UnderInvestigation))).Status);
        Assert.Single(await _admin.ListAllegationsAsync(grant.Id));

        using (var csv = await _admin.DownloadReportCsvAsync(grant.Id)) Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using (var xlsx = await _admin.DownloadReportXlsxAsync(grant.Id)) Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var html = await _admin.DownloadReportHtmlAsync(grant.Id)) Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        using (var iati = await _admin.DownloadIatiActivitiesAsync()) Assert.Equal(HttpStatusCode.OK, iati.StatusCode);
    }

    [Fact]
    public async Task Another_donors_grant_is_not_found_and_a_stale_amendment_is_a_conflict()
    {
        var grant = await GrantAsync((await _admin.ListDonorsAsync()).FirstOrDefault()?.Code ?? await new ReportingWorld(factory).DonorAsync());
        var monitor = EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, "SOMEONE-ELSE")).Reporting;
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ApiException>(() => monitor.GetGrantAsync(grant.Id))).Status);
        await _admin.AmendGrantAsync(grant.Id, new AmendGrantRequest(1, new DateOnly(2025, 9, 1), "Rider 1", Title: "New title"));
        var stale = await Assert.ThrowsAsync<ApiException>(() => _admin.AmendGrantAsync(grant.Id, new AmendGrantRequest(1, new DateOnly(2025, 10, 1), "Rider again")));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var invalid = await Assert.ThrowsAsync<ApiException>(() => _admin.RecordDisbursementAsync(grant.Id, new RecordDisbursementRequest(null, -1m, "X")));
        Assert.True(invalid.Problem.GetProperty("errors").TryGetProperty("amount", out _), invalid.Content);
    }
}
