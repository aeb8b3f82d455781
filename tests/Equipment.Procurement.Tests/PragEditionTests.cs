using System.Net;
using System.Text.Json.Nodes;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

/// <summary>The current PRAG edition at its edges through HTTP, and older tenders keeping the edition they were built under.</summary>
public class PragEditionTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task A_single_tender_goes_up_to_and_including_20000_and_a_cent_more_needs_three_invited_suppliers()
    {
        var atEdge = await ProcurementWorld.CreateAsync(factory);
        var single = await atEdge.TenderAsync(20_000.00m, invited: [await atEdge.SupplierAsync("Sole supplier", "DE")]);
        Assert.Equal("SingleTender", single["procedure"]!.GetValue<string>());
        Assert.Equal(ProcedureRuleSet.Prag2024Edition, single["ruleSetEdition"]!.GetValue<string>());

        var above = await ProcurementWorld.CreateAsync(factory);
        var refused = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await above.CreateTenderAsync([await above.RequisitionAsync(20_000.01m)], invited: [await above.SupplierAsync("A", "DE")]), field: "invitedSupplierIds");
        Assert.Equal("MinimumInvitedSuppliers", refused["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains("4.5", refused["violations"]![0]!["message"]!.GetValue<string>());
        var negotiated = await HttpAssert.StatusAsync(HttpStatusCode.Created, await above.CreateTenderAsync([await above.RequisitionAsync(20_000.01m)],
            invited: [await above.SupplierAsync("B", "DE"), await above.SupplierAsync("C", "FR"), await above.SupplierAsync("D", "IT")]));
        Assert.Equal("CompetitiveNegotiatedProcedure", negotiated["procedure"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_international_open_tender_gives_60_days_from_publication_59_are_refused()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var tender = await world.TenderAsync(300_000m);
        Assert.Equal("InternationalOpenTender", tender["procedure"]!.GetValue<string>());
        Assert.Equal(60, tender["minimumSubmissionDays"]!.GetValue<int>());
        var id = tender["id"]!.GetValue<Guid>();
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.PostAsync($"tenders/{id}/publication",
            new { publishedAt = world.Now, submissionDeadline = world.Now.AddDays(59) }), field: "submissionDeadline");
        Assert.Equal("MinimumSubmissionPeriod", problem["violations"]![0]!["rule"]!.GetValue<string>());
        var published = await world.PublishAsync(id, days: 60);
        Assert.Equal("Published", published["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_reference_data_shows_each_figure_with_its_PRAG_section_and_any_edition_on_request()
    {
        using var officer = factory.ClientAs(Equipment.BuildingBlocks.Contracts.Roles.ProcurementOfficer);
        var current = await HttpAssert.StatusAsync(HttpStatusCode.OK, await officer.GetAsync("/api/procurement/reference-data"));
        Assert.Equal(ProcedureRuleSet.Prag2024Edition, current["ruleSetEdition"]!.GetValue<string>());
        var rules = current["procedures"]!.AsArray().ToDictionary(r => r!["procedure"]!.GetValue<string>(), r => r!);
        Assert.Equal((300_000m, 60, 0, false), Figures(rules["InternationalOpenTender"]));
        Assert.Equal((100_000m, 30, 0, false), Figures(rules["LocalOpenProcedure"]));
        Assert.Equal((20_000m, 30, 3, true), Figures(rules["CompetitiveNegotiatedProcedure"]));
        Assert.Equal((0m, 0, 1, false), Figures(rules["SingleTender"]));
        Assert.All(rules.Values, r => Assert.StartsWith("4.", r["pragSection"]!.GetValue<string>()));
        Assert.Equal("dispatch of the letters of invitation", rules["CompetitiveNegotiatedProcedure"]["periodRunsFrom"]!.GetValue<string>());
        Assert.Equal(2_500m, current["paymentAgainstInvoiceUpTo"]!.GetValue<decimal>());
        Assert.NotNull(current["paymentAgainstInvoiceSection"]);
        Assert.Contains("Not confirmed", current["source"]!.GetValue<string>());
        Assert.Equal([ProcedureRuleSet.Prag2021.Edition, ProcedureRuleSet.Prag2024Edition], current["editions"]!.AsArray().Select(e => e!.GetValue<string>()));

        var old = await HttpAssert.StatusAsync(HttpStatusCode.OK,
            await officer.GetAsync("/api/procurement/reference-data?edition=" + Uri.EscapeDataString(ProcedureRuleSet.Prag2021.Edition)));
        Assert.Equal(30, old["procedures"]!.AsArray().Single(r => r!["procedure"]!.GetValue<string>() == "InternationalOpenTender")!["minimumSubmissionDays"]!.GetValue<int>());
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await officer.GetAsync("/api/procurement/reference-data?edition=PRAG%201999"));

        static (decimal, int, int, bool) Figures(JsonNode r) => (r["fromValue"]!.GetValue<decimal>(), r["minimumSubmissionDays"]!.GetValue<int>(),
            r["minimumInvitedSuppliers"]!.GetValue<int>(), r["fromValueExclusive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_tender_built_before_the_new_edition_keeps_2021_and_its_30_days()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var back = TimeSpan.FromDays(30);
        world.Clock.Advance(-back);                       // before 2026-12-01, when the new edition is applied from
        try
        {
            var tender = await world.TenderAsync(350_000m);
            Assert.Equal(ProcedureRuleSet.Prag2021.Edition, tender["ruleSetEdition"]!.GetValue<string>());
            world.Clock.Advance(back);
            var published = await world.PublishAsync(tender["id"]!.GetValue<Guid>(), days: 30);
            Assert.Equal(30, published["minimumSubmissionDays"]!.GetValue<int>());
        }
        finally
        {
            if (world.Now < DateTime.UtcNow - TimeSpan.FromDays(1)) world.Clock.Advance(back);
        }
    }

    [Fact]
    public async Task An_edition_stored_before_sections_were_kept_still_reads()
    {
        // What a database upgraded from before this change holds: 2021.1's rules without the new members.
        var edition = ProcedureRuleSet.Prag2021.Edition;
        await factory.WithDbAsync<ProcurementDbContext, int>(async db =>
        {
            var json = await db.Database.SqlQuery<string>($"SELECT \"Rules\" AS \"Value\" FROM \"RuleSets\" WHERE \"Edition\" = {edition}").SingleAsync();
            var rules = JsonNode.Parse(json)!.AsArray();
            foreach (var rule in rules.Select(r => r!.AsObject()))
                foreach (var member in new[] { "FromValueExclusive", "PragSection", "PeriodRunsFrom" }) rule.Remove(member);
            var stripped = rules.ToJsonString();
            Assert.DoesNotContain("PragSection", stripped);
            return db.Database.ProviderName!.Contains("Npgsql")
                ? await db.Database.ExecuteSqlAsync($"UPDATE \"RuleSets\" SET \"Rules\" = CAST({stripped} AS jsonb) WHERE \"Edition\" = {edition}")
                : await db.Database.ExecuteSqlAsync($"UPDATE \"RuleSets\" SET \"Rules\" = {stripped} WHERE \"Edition\" = {edition}");
        });
        using var officer = factory.ClientAs(Equipment.BuildingBlocks.Contracts.Roles.ProcurementOfficer);
        var old = await HttpAssert.StatusAsync(HttpStatusCode.OK, await officer.GetAsync("/api/procurement/reference-data?edition=" + Uri.EscapeDataString(edition)));
        var single = old["procedures"]!.AsArray().Single(r => r!["procedure"]!.GetValue<string>() == "CompetitiveNegotiatedProcedure")!;
        Assert.False(single["fromValueExclusive"]!.GetValue<bool>());
        Assert.Null(single["pragSection"]);
        var current = await HttpAssert.StatusAsync(HttpStatusCode.OK, await officer.GetAsync("/api/procurement/reference-data"));
        Assert.Equal(ProcedureRuleSet.Prag2024Edition, current["ruleSetEdition"]!.GetValue<string>());
    }
}
