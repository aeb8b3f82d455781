using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Domain;

namespace Equipment.DonorReporting.Tests;

public class GrantRulesTests
{
    private static readonly CrossingPoint RasAjdir = new("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56);

    private static Grant Register(decimal amount = 1_000_000m, DateOnly? end = null, string[]? countries = null, CrossingPoint[]? points = null) =>
        Grant.Register("REF-1", "Title", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, "ICMPD", amount,
            new DateOnly(2024, 1, 1), end ?? new DateOnly(2026, 12, 31), countries ?? ["TN"], points ?? [RasAjdir], DateTime.UtcNow);

    [Fact]
    public void An_amendment_changes_what_it_names_and_counts_a_version()
    {
        var grant = Register();
        var bouchebka = new CrossingPoint("TN-BOUCHEBKA", "Bouchebka", "TN", "DZ", 35.17, 8.42);
        grant.Amend(null, 1_500_000m, null, null, [RasAjdir, bouchebka], null, null, null);
        Assert.Equal((2, 1_500_000m, "Title", new DateOnly(2026, 12, 31)), (grant.Version, grant.Amount, grant.Title, grant.EndDate));
        Assert.Equal(["TN-RAS-AJDIR", "TN-BOUCHEBKA"], grant.CrossingPoints.Select(p => p.Code));
    }

    [Fact]
    public void An_amendment_may_not_remove_a_crossing_point_nor_end_before_the_start()
    {
        var grant = Register();
        Assert.Equal("crossingPoints", Assert.Throws<RuleViolationException>(() => grant.Amend(null, null, null, null, [], null, null, null)).Field);
        Assert.Equal("endDate", Assert.Throws<RuleViolationException>(() => grant.Amend(null, null, new DateOnly(2023, 1, 1), null, null, null, null, null)).Field);
        Assert.Equal(1, grant.Version);
    }

    [Fact]
    public void A_valid_grant_keeps_its_agreed_crossing_points()
    {
        var grant = Register();
        Assert.Equal(["TN-RAS-AJDIR"], grant.CrossingPoints.Select(p => p.Code));
        Assert.NotEqual(Guid.Empty, grant.Id);
    }

    [Fact]
    public void A_grant_must_end_after_it_starts()
    {
        var e = Assert.Throws<RuleViolationException>(() => Register(end: new DateOnly(2024, 1, 1)));
        Assert.Equal("endDate", e.Field);
    }

    [Fact]
    public void A_crossing_point_code_appears_once()
    {
        var e = Assert.Throws<RuleViolationException>(() => Register(points: [RasAjdir, RasAjdir with { Name = "Other" }]));
        Assert.Equal("UniqueCode", e.Rule);
    }

    [Fact]
    public void A_crossing_point_lies_in_a_beneficiary_country()
    {
        var salloum = new CrossingPoint("EG-SALLOUM", "Salloum", "EG", "LY", 31.55, 25.15);
        var e = Assert.Throws<RuleViolationException>(() => Register(points: [RasAjdir, salloum]));
        Assert.Equal("crossingPoints[1].countryCode", e.Field);
    }

    [Fact]
    public void A_grant_has_money_and_at_least_one_crossing_point()
    {
        Assert.Equal("amount", Assert.Throws<RuleViolationException>(() => Register(amount: 0)).Field);
        Assert.Equal("crossingPoints", Assert.Throws<RuleViolationException>(() => Register(points: [])).Field);
    }

    [Fact]
    public void A_late_older_deployment_does_not_move_an_asset_back()
    {
        var asset = new TrackedAsset(Guid.NewGuid(), Guid.NewGuid());
        asset.Deployed("TN-DEHIBA-WAZIN", new DateOnly(2025, 5, 1));
        asset.Deployed("TN-RAS-AJDIR", new DateOnly(2025, 3, 1));
        Assert.Equal("TN-DEHIBA-WAZIN", asset.CrossingPointCode);
        asset.Registered("TC-1", "ThermalCamera", "Cooled MWIR thermal camera", 42_500m, Guid.NewGuid(), 1, new DateOnly(2025, 2, 1));
        Assert.Equal("TN-DEHIBA-WAZIN", asset.CrossingPointCode);
    }

    [Fact]
    public void A_visit_is_recorded_on_or_after_the_first_deployment_of_each_asset_it_found()
    {
        var asset = Guid.NewGuid();
        var deployed = new DateOnly(2026, 3, 10);
        AssetObservation Seen(DateOnly on) => new(asset, Finding.FoundAsExpected, true, true, "p.jpg", 33.15, 11.56, on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var visit = VerificationVisit.Plan(Register(), "TN-RAS-AJDIR", deployed, "monitor", 1, new SampleWeights(1, 1, 1), [asset]);
        var e = Assert.Throws<RuleViolationException>(() => visit.Record(deployed.AddDays(-1), [Seen(deployed.AddDays(-1))], [], deployed.AddDays(5),
            new Dictionary<Guid, DateOnly> { [asset] = deployed }));
        Assert.Equal(("visitedOn", "NotBeforeDeployment"), (e.Field, e.Rule));
        Assert.Contains("2026-03-10", e.Message);
        Assert.Contains("2026-03-09", e.Message);
        visit.Record(deployed, [Seen(deployed)], [], deployed.AddDays(5), new Dictionary<Guid, DateOnly> { [asset] = deployed });
        Assert.Equal(VisitStatus.Recorded, visit.Status);
    }

    [Fact]
    public void A_deviation_is_kept_from_the_deployment_that_carried_it()
    {
        var asset = new TrackedAsset(Guid.NewGuid(), Guid.NewGuid());
        asset.Deployed("TN-DEHIBA-WAZIN", new DateOnly(2026, 3, 10));
        asset.DeployedAwayFromDestination("TN-RAS-AJDIR", "TN-DEHIBA-WAZIN", new DateOnly(2026, 3, 10), "Tower not built");
        Assert.Equal(("TN-RAS-AJDIR", "TN-DEHIBA-WAZIN", "Tower not built"), (asset.DeviationFromCrossingPointCode, asset.DeviationToCrossingPointCode, asset.DeviationReason));
    }

    [Fact]
    public void A_budget_is_split_into_periods_of_at_most_a_year_that_add_up_to_the_grant()
    {
        var periods = BudgetPeriods.Split(new DateOnly(2024, 1, 1), new DateOnly(2026, 6, 30), 1_000_000m);
        // 912 days: 2024 (366 days, a leap year) 401,315.79; 2025 (365) 400,219.30; 2026 to June (181) the rest, 198,464.91.
        Assert.Equal(
        [
            new BudgetPeriods.Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 401_315.79m),
            new BudgetPeriods.Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 400_219.30m),
            new BudgetPeriods.Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 198_464.91m),
        ], periods);
        Assert.Equal([new BudgetPeriods.Period(new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 30), 5_000m)],
            BudgetPeriods.Split(new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 30), 5_000m));
    }
}
