using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Domain;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary>
/// The evaluation committee on the entity: a non-voting chair and secretary, an odd number (at least three) of voting
/// evaluators, every declaration signed, nobody twice; recorded before the bids are opened, and required for opening
/// under the current PRAG edition only.
/// </summary>
public class EvaluationCommitteeRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Signed = new(2026, 11, 30);

    private static CommitteeMemberInput Person(string name, DateOnly? signed = null) => new(name, null, signed ?? Signed);

    private static CommitteeMemberInput[] Evaluators(int count) => Enumerable.Range(1, count).Select(i => Person($"Evaluator {i}")).ToArray();

    private static Tender TenderUnder(ProcedureRuleSet rules)
    {
        var grant = new KnownGrant(Guid.NewGuid(), "G-1", "IBM North Africa", "EU-DGNEAR", "ICMPD", 4_000_000m, ["TN-RAS-AJDIR"], ["DE", "TN"],
            [new BudgetLine(Guid.Empty, "EQ-1", "Equipment", 1_000_000m)]);
        var need = Requisition.Raise(grant, "EQ-1", "ThermalCamera", "Cooled MWIR 640×512", 1, 350_000m, "TN-RAS-AJDIR", null, new DateOnly(2027, 9, 1), Now);
        return Tender.Create("T-1", "Thermal cameras", grant, [("Lot 1", [need])], AwardMethod.LowestPrice, 0, [], [], rules, Now);
    }

    /// <summary>A tender of the edition whose lot's submission has closed: the bids are ready to be opened.</summary>
    private static (Tender, Lot) Closed(ProcedureRuleSet rules)
    {
        var tender = TenderUnder(rules);
        tender.Publish(Now, Now.AddDays(60), Now);
        tender.Refresh(Now.AddDays(61));
        return (tender, tender.Lots[0]);
    }

    private static RuleViolationException Refused(int evaluators) =>
        Assert.Throws<RuleViolationException>(() => TenderUnder(ProcedureRuleSet.Prag2024).RecordEvaluationCommittee(Person("Chair"), Person("Secretary"), Evaluators(evaluators), Now));

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void An_odd_number_of_at_least_three_voting_evaluators_is_a_committee(int evaluators)
    {
        var tender = TenderUnder(ProcedureRuleSet.Prag2024);
        tender.RecordEvaluationCommittee(Person("Amira Ben Youssef"), Person("Luca Bianchi"), Evaluators(evaluators), Now);
        Assert.Equal((evaluators, "Amira Ben Youssef", "Luca Bianchi", Now), (tender.EvaluationCommittee!.Evaluators.Count,
            tender.EvaluationCommittee.Chair.Name, tender.EvaluationCommittee.Secretary.Name, tender.EvaluationCommittee.RecordedAt));
    }

    [Theory]
    [InlineData(0, "MinimumEvaluators")]
    [InlineData(1, "MinimumEvaluators")]
    [InlineData(2, "MinimumEvaluators")]
    [InlineData(4, "OddNumberOfEvaluators")]
    [InlineData(6, "OddNumberOfEvaluators")]
    public void Fewer_than_three_or_an_even_number_of_evaluators_is_refused_naming_evaluators(int evaluators, string rule)
    {
        var e = Refused(evaluators);
        Assert.Equal(("evaluators", rule), (e.Field, e.Rule));
        Assert.Contains(ProcedureRuleSet.Prag2024Edition, e.Message);
    }

    [Fact]
    public void Every_member_has_signed_the_declaration_on_a_day_that_has_come()
    {
        var tender = TenderUnder(ProcedureRuleSet.Prag2024);
        var noChairDeclaration = Assert.Throws<RuleViolationException>(() =>
            tender.RecordEvaluationCommittee(new CommitteeMemberInput("Amira Ben Youssef", null, null), Person("Luca Bianchi"), Evaluators(3), Now));
        Assert.Equal(("chair.declarationSignedOn", "DeclarationSigned"), (noChairDeclaration.Field, noChairDeclaration.Rule));
        Assert.Contains("Amira Ben Youssef", noChairDeclaration.Message);

        var evaluators = Evaluators(3);
        evaluators[1] = evaluators[1] with { DeclarationSignedOn = null };
        var noEvaluatorDeclaration = Assert.Throws<RuleViolationException>(() => tender.RecordEvaluationCommittee(Person("Chair"), Person("Secretary"), evaluators, Now));
        Assert.Equal(("evaluators[1].declarationSignedOn", "DeclarationSigned"), (noEvaluatorDeclaration.Field, noEvaluatorDeclaration.Rule));

        var tomorrow = Assert.Throws<RuleViolationException>(() =>
            tender.RecordEvaluationCommittee(Person("Chair"), Person("Secretary", DateOnly.FromDateTime(Now).AddDays(1)), Evaluators(3), Now));
        Assert.Equal(("secretary.declarationSignedOn", "NotInFuture"), (tomorrow.Field, tomorrow.Rule));
        Assert.Null(tender.EvaluationCommittee);

        tender.RecordEvaluationCommittee(Person("Chair", DateOnly.FromDateTime(Now)), Person("Secretary"), Evaluators(3), Now);   // signed today: fine
        Assert.NotNull(tender.EvaluationCommittee);
    }

    [Fact]
    public void Nobody_sits_twice_and_neither_the_chair_nor_the_secretary_votes()
    {
        var tender = TenderUnder(ProcedureRuleSet.Prag2024);
        RuleViolationException Refuse(CommitteeMemberInput chair, CommitteeMemberInput secretary, params CommitteeMemberInput[] evaluators) =>
            Assert.Throws<RuleViolationException>(() => tender.RecordEvaluationCommittee(chair, secretary, evaluators, Now));

        var twice = Refuse(Person("Chair"), Person("Secretary"), Person("Sami Trabelsi"), Person("Elena Petrović"), Person("  sami   TRABELSI "));
        Assert.Equal(("evaluators[2].name", "PersonOnce"), (twice.Field, twice.Rule));
        Assert.Contains("evaluator 1", twice.Message);

        var votingChair = Refuse(Person("Amira Ben Youssef"), Person("Secretary"), Person("Sami Trabelsi"), Person("Amira Ben Youssef"), Person("Jonas Weber"));
        Assert.Equal(("evaluators[1].name", "NonVotingChair"), (votingChair.Field, votingChair.Rule));

        var votingSecretary = Refuse(Person("Chair"), Person("Luca Bianchi"), Person("Luca Bianchi"), Person("Elena Petrović"), Person("Jonas Weber"));
        Assert.Equal(("evaluators[0].name", "NonVotingSecretary"), (votingSecretary.Field, votingSecretary.Rule));

        var chairAsSecretary = Refuse(Person("Amira Ben Youssef"), Person("amira ben youssef"), Evaluators(3));
        Assert.Equal(("secretary.name", "PersonOnce"), (chairAsSecretary.Field, chairAsSecretary.Rule));
        Assert.Null(tender.EvaluationCommittee);
    }

    [Fact]
    public void Under_the_current_edition_the_bids_are_opened_only_once_the_committee_is_recorded()
    {
        var (tender, lot) = Closed(ProcedureRuleSet.Prag2024);
        Assert.Equal(3, tender.MinimumVotingEvaluators);
        var refused = Assert.Throws<StateConflictException>(() => tender.StartEvaluation(lot));
        Assert.Equal("SubmissionClosed", refused.CurrentState);
        Assert.Contains("evaluation committee", refused.Message);
        Assert.Equal(LotStatus.SubmissionClosed, lot.Status);

        tender.RecordEvaluationCommittee(Person("Chair"), Person("Secretary"), Evaluators(3), Now);
        tender.StartEvaluation(lot);
        Assert.Equal(LotStatus.Evaluation, lot.Status);
    }

    [Fact]
    public void A_tender_of_the_older_edition_keeps_its_rules_and_opens_without_a_committee()
    {
        var (tender, lot) = Closed(ProcedureRuleSet.Prag2021);
        Assert.Null(tender.MinimumVotingEvaluators);
        tender.StartEvaluation(lot);
        Assert.Equal(LotStatus.Evaluation, lot.Status);
        Assert.Null(tender.EvaluationCommittee);
    }

    [Fact]
    public void The_committee_is_replaced_until_the_bids_are_opened_and_kept_afterwards()
    {
        var (tender, lot) = Closed(ProcedureRuleSet.Prag2024);
        tender.RecordEvaluationCommittee(Person("First chair"), Person("Secretary"), Evaluators(3), Now);
        tender.RecordEvaluationCommittee(Person("Second chair"), Person("Secretary"), Evaluators(5), Now);
        Assert.Equal(("Second chair", 5), (tender.EvaluationCommittee!.Chair.Name, tender.EvaluationCommittee.Evaluators.Count));

        tender.StartEvaluation(lot);
        var kept = Assert.Throws<StateConflictException>(() => tender.RecordEvaluationCommittee(Person("Third chair"), Person("Secretary"), Evaluators(3), Now));
        Assert.Equal("Evaluation", kept.CurrentState);
        Assert.Equal("Second chair", tender.EvaluationCommittee.Chair.Name);
    }

    [Fact]
    public void A_cancelled_tender_takes_no_committee()
    {
        var tender = TenderUnder(ProcedureRuleSet.Prag2024);
        tender.Cancel("Need covered otherwise", null, Now);
        var e = Assert.Throws<StateConflictException>(() => tender.RecordEvaluationCommittee(Person("Chair"), Person("Secretary"), Evaluators(3), Now));
        Assert.Equal("Cancelled", e.CurrentState);
    }

    [Fact]
    public void The_current_edition_stores_its_committee_rule_with_where_it_comes_from()
    {
        Assert.Equal(3, ProcedureRuleSet.Prag2024.MinimumVotingEvaluators);
        Assert.False(string.IsNullOrEmpty(ProcedureRuleSet.Prag2024.EvaluationCommitteeSection));
        Assert.Contains("evaluation committee", ProcedureRuleSet.Prag2024.Source);
        Assert.Null(ProcedureRuleSet.Prag2021.MinimumVotingEvaluators);
    }
}

/// <summary>The evaluation committee through HTTP, at its edges: 2, 3, 4 evaluators, a missing declaration, a person twice, opening without it.</summary>
public class EvaluationCommitteeApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    /// <summary>A published international open tender with one bid, whose 60 days have passed: its bids can be opened.</summary>
    private static async Task<Guid> ClosedTenderAsync(ProcurementWorld world)
    {
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH", "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, supplier, 340_000m));
        world.Clock.Advance(TimeSpan.FromDays(61));
        return id;
    }

    [Theory]
    [InlineData(2, HttpStatusCode.BadRequest, "MinimumEvaluators")]
    [InlineData(3, HttpStatusCode.OK, null)]
    [InlineData(4, HttpStatusCode.BadRequest, "OddNumberOfEvaluators")]
    [InlineData(5, HttpStatusCode.OK, null)]
    public async Task The_number_of_voting_evaluators_is_odd_and_at_least_three(int evaluators, HttpStatusCode expected, string? rule)
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var response = await world.RecordCommitteeAsync(id, world.Committee(evaluators));
        if (rule is null)
        {
            var tender = await HttpAssert.StatusAsync(expected, response);
            Assert.Equal(evaluators, tender["evaluationCommittee"]!["evaluators"]!.AsArray().Count);
            Assert.Equal(3, tender["minimumVotingEvaluators"]!.GetValue<int>());
            return;
        }
        var problem = await HttpAssert.ProblemAsync(expected, response, field: "evaluators");
        Assert.Equal(rule, problem["violations"]![0]!["rule"]!.GetValue<string>());
        var stored = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Null(stored["evaluationCommittee"]);
    }

    [Fact]
    public async Task A_member_without_a_declaration_a_person_twice_and_a_voting_chair_are_refused_naming_the_field()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var on = DateOnly.FromDateTime(world.Now);
        object Member(string name, DateOnly? signed) => new { name, declarationSignedOn = signed };
        async Task<string> RuleAsync(object body, string field) =>
            (await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.RecordCommitteeAsync(id, body), field))["violations"]![0]!["rule"]!.GetValue<string>();

        Assert.Equal("DeclarationSigned", await RuleAsync(new
        {
            chair = Member("Amira Ben Youssef", on), secretary = Member("Luca Bianchi", on),
            evaluators = new[] { Member("Sami Trabelsi", on), Member("Elena Petrović", null), Member("Jonas Weber", on) },
        }, "evaluators[1].declarationSignedOn"));
        Assert.Equal("PersonOnce", await RuleAsync(new
        {
            chair = Member("Amira Ben Youssef", on), secretary = Member("Luca Bianchi", on),
            evaluators = new[] { Member("Sami Trabelsi", on), Member("Elena Petrović", on), Member("Sami Trabelsi", on) },
        }, "evaluators[2].name"));
        Assert.Equal("NonVotingChair", await RuleAsync(new
        {
            chair = Member("Amira Ben Youssef", on), secretary = Member("Luca Bianchi", on),
            evaluators = new[] { Member("Amira Ben Youssef", on), Member("Elena Petrović", on), Member("Jonas Weber", on) },
        }, "evaluators[0].name"));
        Assert.Equal("NotNull", await RuleAsync(new { secretary = Member("Luca Bianchi", on), evaluators = new[] { Member("A", on), Member("B", on), Member("C", on) } }, "chair"));
        Assert.Equal("NotEmpty", await RuleAsync(new
        {
            chair = Member("", on), secretary = Member("Luca Bianchi", on), evaluators = new[] { Member("A", on), Member("B", on), Member("C", on) },
        }, "chair.name"));

        var stored = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Null(stored["evaluationCommittee"]);
    }

    [Fact]
    public async Task The_bids_are_not_opened_without_a_committee_and_it_is_kept_once_they_are()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = await ClosedTenderAsync(world);

        var refused = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.PostAsync($"tenders/{id}/lots/1/evaluation"));
        Assert.Equal("SubmissionClosed", refused["currentState"]!.GetValue<string>());
        Assert.Contains("evaluation committee", refused["detail"]!.GetValue<string>());

        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.RecordCommitteeAsync(id, world.Committee(5)));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.RecordCommitteeAsync(id, world.Committee(3)));      // replaced before opening
        var opened = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/evaluation"));
        Assert.Equal("Evaluation", opened["status"]!.GetValue<string>());
        Assert.Equal(3, opened["evaluationCommittee"]!["evaluators"]!.AsArray().Count);

        var kept = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await world.RecordCommitteeAsync(id, world.Committee(5)));
        Assert.Equal("Evaluation", kept["currentState"]!.GetValue<string>());
        var stored = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Equal(3, stored["evaluationCommittee"]!["evaluators"]!.AsArray().Count);

        var trail = (await world.Officer.GetFromJsonAsync<List<AuditEntryResponse>>($"/api/procurement/audit/Tender/{id}"))!;
        Assert.Equal(2, trail.Count(e => e.ChangedFields.Contains("EvaluationCommittee")));
    }

    [Fact]
    public async Task The_evaluation_report_names_the_committee_with_their_declaration_dates()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = await ClosedTenderAsync(world);
        var signedOn = DateOnly.FromDateTime(world.Now).AddDays(-2);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.RecordCommitteeAsync(id, world.Committee(3, signedOn)));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/evaluation"));

        var report = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report"));
        var committee = report["evaluationCommittee"]!;
        Assert.Equal(("Amira Ben Youssef", "Luca Bianchi"), (committee["chair"]!["name"]!.GetValue<string>(), committee["secretary"]!["name"]!.GetValue<string>()));
        Assert.Equal(["Evaluator 1", "Evaluator 2", "Evaluator 3"], committee["evaluators"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.All(committee["evaluators"]!.AsArray(), e => Assert.Equal(signedOn.ToString("yyyy-MM-dd"), e!["declarationSignedOn"]!.GetValue<string>()));

        var html = await world.Officer.GetStringAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report.html");
        Assert.Contains("<h2>Evaluation committee</h2>", html);
        Assert.Contains($"<tr><td>Chair (non-voting)</td><td>Amira Ben Youssef</td><td>Procurement lead, ICMPD</td><td>{signedOn:yyyy-MM-dd}</td></tr>", html);
        Assert.Contains($"<tr><td>Secretary (non-voting)</td><td>Luca Bianchi</td>", html);
        Assert.Contains($"<tr><td>Evaluator 3 (voting)</td><td>Evaluator 3</td><td>Border equipment engineer</td><td>{signedOn:yyyy-MM-dd}</td></tr>", html);

        // the same report in PRAG's French and in Arabic, right to left, as the portal asks for its user
        var french = await world.Officer.GetStringAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report.html?lang=fr");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french);
        Assert.Contains($"<tr><td>Président (sans droit de vote)</td><td>Amira Ben Youssef</td><td>Procurement lead, ICMPD</td><td>{signedOn:dd/MM/yyyy}</td></tr>", french);
        Assert.Contains("<h2>Offres</h2>", french);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/procurement/tenders/{id}/lots/1/evaluation-report.html");
        request.Headers.AcceptLanguage.ParseAdd("ar");
        var arabic = await (await world.Officer.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("<h1>تقرير التقييم</h1>", arabic);
        Assert.Contains("<td>المقيِّم 3 (مصوِّت)</td>", arabic);
    }

    [Fact]
    public async Task A_tender_built_under_the_older_edition_opens_its_bids_without_a_committee()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var back = world.Now - new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        world.Clock.Advance(-back);                        // before 2026-12-01, when the current edition applies from (other tests of the class moved the clock on)
        JsonNode tender;
        try
        {
            tender = await world.TenderAsync(350_000m);
        }
        finally
        {
            world.Clock.Advance(back);
        }
        Assert.Equal(ProcedureRuleSet.Prag2021.Edition, tender["ruleSetEdition"]!.GetValue<string>());
        Assert.Null(tender["minimumVotingEvaluators"]);
        var id = tender["id"]!.GetValue<Guid>();
        await world.PublishAsync(id, days: 30);
        world.Clock.Advance(TimeSpan.FromDays(31));
        var opened = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/evaluation"));
        Assert.Equal("Evaluation", opened["status"]!.GetValue<string>());
        var report = await world.Officer.GetStringAsync($"/api/procurement/tenders/{id}/lots/1/evaluation-report.html");
        Assert.Contains("No evaluation committee was recorded", report);
    }

    [Fact]
    public async Task The_reference_data_shows_the_committee_rule_of_each_edition()
    {
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        var current = await HttpAssert.StatusAsync(HttpStatusCode.OK, await officer.GetAsync("/api/procurement/reference-data"));
        Assert.Equal(3, current["minimumVotingEvaluators"]!.GetValue<int>());
        Assert.Equal("Chapter 2, basic rules: the evaluation committee", current["evaluationCommitteeSection"]!.GetValue<string>());
        var old = await HttpAssert.StatusAsync(HttpStatusCode.OK,
            await officer.GetAsync("/api/procurement/reference-data?edition=" + Uri.EscapeDataString(ProcedureRuleSet.Prag2021.Edition)));
        Assert.Null(old["minimumVotingEvaluators"]);
    }

    [Fact]
    public async Task Only_a_procurement_officer_records_the_committee_and_a_monitor_reads_it()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        foreach (var role in new[] { Roles.Administrator, Roles.LogisticsOfficer })
        {
            using var other = factory.ClientAs(role);
            await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await other.PutAsJsonAsync($"/api/procurement/tenders/{id}/evaluation-committee", world.Committee()));
        }
        using (var monitor = factory.ClientAs(Roles.DonorMonitor, world.Donor))
            await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.PutAsJsonAsync($"/api/procurement/tenders/{id}/evaluation-committee", world.Committee()));
        await world.CommitteeAsync(id);
        using var reader = factory.ClientAs(Roles.DonorMonitor, world.Donor);
        var seen = await HttpAssert.StatusAsync(HttpStatusCode.OK, await reader.GetAsync($"/api/procurement/tenders/{id}"));
        Assert.Equal("Amira Ben Youssef", seen["evaluationCommittee"]!["chair"]!["name"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await world.RecordCommitteeAsync(Guid.NewGuid(), world.Committee()));
    }
}
