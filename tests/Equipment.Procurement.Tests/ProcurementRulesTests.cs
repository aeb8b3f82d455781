using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Domain;

namespace Equipment.Procurement.Tests;

public class ProcurementRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("300000.00", Procedure.InternationalOpenTender)]
    [InlineData("299999.99", Procedure.LocalOpenProcedure)]
    [InlineData("100000.00", Procedure.LocalOpenProcedure)]
    [InlineData("99999.99", Procedure.CompetitiveNegotiatedProcedure)]
    [InlineData("20000.00", Procedure.CompetitiveNegotiatedProcedure)]
    [InlineData("19999.99", Procedure.SingleTender)]
    [InlineData("0.01", Procedure.SingleTender)]
    public void The_procedure_follows_from_the_estimated_value_at_the_thresholds(string value, Procedure expected) =>
        Assert.Equal(expected, ProcedureRuleSet.Prag2021.For(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Procedure);

    [Theory]
    [InlineData("300000.00", Procedure.InternationalOpenTender)]
    [InlineData("299999.99", Procedure.LocalOpenProcedure)]
    [InlineData("100000.00", Procedure.LocalOpenProcedure)]
    [InlineData("99999.99", Procedure.CompetitiveNegotiatedProcedure)]
    [InlineData("20000.01", Procedure.CompetitiveNegotiatedProcedure)]
    [InlineData("20000.00", Procedure.SingleTender)]
    [InlineData("0.01", Procedure.SingleTender)]
    public void In_the_current_edition_a_single_tender_goes_up_to_and_including_20000(string value, Procedure expected) =>
        Assert.Equal(expected, ProcedureRuleSet.Prag2024.For(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Procedure);

    [Fact]
    public void In_the_current_edition_an_international_open_tender_gives_at_least_60_days()
    {
        var grant = Grant();
        var tender = Tender.Create("T-2", "Thermal cameras", grant, [("Lot 1", [Need(grant, 1, 300_000m)])], AwardMethod.LowestPrice, 0, [], [], ProcedureRuleSet.Prag2024, Now);
        var e = Assert.Throws<RuleViolationException>(() => tender.Publish(Now, Now.AddDays(60).AddMinutes(-1), Now));
        Assert.Equal("submissionDeadline", e.Field);
        Assert.Contains(ProcedureRuleSet.Prag2024Edition, e.Message);
        tender.Publish(Now, Now.AddDays(60), Now);
        Assert.Equal(ProcedureRuleSet.Prag2024Edition, tender.RuleSetEdition);
    }

    [Fact]
    public void Every_figure_of_the_current_edition_names_its_PRAG_section()
    {
        var rules = ProcedureRuleSet.Prag2024;
        Assert.All(rules.Rules, r => Assert.False(string.IsNullOrEmpty(r.PragSection)));
        Assert.Equal(2_500m, rules.PaymentAgainstInvoiceUpTo);
        Assert.False(string.IsNullOrEmpty(rules.PaymentAgainstInvoiceSection));
        Assert.True(rules.EffectiveFrom > ProcedureRuleSet.Prag2021.EffectiveFrom);
    }

    private static KnownGrant Grant(decimal lineAmount = 1_000_000m) => new(Guid.NewGuid(), "G-1", "IBM North Africa", "EU-DGNEAR", "ICMPD", 4_000_000m,
        ["TN-RAS-AJDIR"], ["DE", "FR", "TN"], [new BudgetLine(Guid.Empty, "EQ-1", "Equipment", lineAmount)]);

    private static Requisition Need(KnownGrant grant, int quantity, decimal unit) =>
        Requisition.Raise(grant, "EQ-1", "ThermalCamera", "Cooled MWIR 640×512", quantity, unit, "TN-RAS-AJDIR", null, new DateOnly(2026, 9, 1), Now);

    [Fact]
    public void Commitments_can_never_exceed_the_budget_line()
    {
        var grant = Grant(lineAmount: 50_000m);
        Need(grant, 3, 10_000m);
        var e = Assert.Throws<ConflictException>(() => Need(grant, 3, 7_000m));
        Assert.Contains("EQ-1", e.Message);
        Assert.Contains("50,000.00", e.Message);
        Assert.Contains("30,000.00", e.Message);
        Assert.Equal(30_000m, grant.BudgetLines[0].Committed);
    }

    private static Tender TenderOf(KnownGrant grant, decimal value, AwardMethod method = AwardMethod.LowestPrice, Guid[]? invited = null) =>
        Tender.Create("T-1", "Thermal cameras", grant, [("Lot 1", [Need(grant, 1, value)])], method,
            method == AwardMethod.BestValue ? 30 : 0, method == AwardMethod.BestValue ? [new AwardCriterion("technical", 50), new AwardCriterion("delivery", 20)] : [],
            invited ?? [], ProcedureRuleSet.Prag2021, Now);

    [Fact]
    public void A_negotiated_procedure_invites_at_least_three_suppliers()
    {
        var e = Assert.Throws<RuleViolationException>(() => TenderOf(Grant(), 50_000m, invited: [Guid.NewGuid(), Guid.NewGuid()]));
        Assert.Equal("MinimumInvitedSuppliers", e.Rule);
        Assert.Equal(Procedure.CompetitiveNegotiatedProcedure, TenderOf(Grant(), 50_000m, invited: [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]).Procedure);
    }

    [Fact]
    public void The_deadline_respects_the_minimum_submission_period()
    {
        var tender = TenderOf(Grant(), 350_000m);
        var e = Assert.Throws<RuleViolationException>(() => tender.Publish(Now, Now.AddDays(29), Now));
        Assert.Equal("submissionDeadline", e.Field);
        tender.Publish(Now, Now.AddDays(30), Now);
        Assert.All(tender.Lots, l => Assert.Equal(LotStatus.Published, l.Status));
    }

    /// <summary>Every operation tried in every state: it works exactly where the state machine allows it, and is a 409 naming the state elsewhere.</summary>
    [Fact]
    public void Every_illegal_transition_is_a_conflict_naming_the_current_state_and_the_allowed_ones()
    {
        var operations = new (string Name, LotStatus Target, Action<Tender, Lot> Act)[]
        {
            ("publish", LotStatus.Published, (t, _) => t.Publish(Now, Now.AddDays(30), Now)),
            ("evaluate", LotStatus.Evaluation, (t, l) => t.StartEvaluation(l)),
            ("propose", LotStatus.AwardProposed, (t, l) => t.ProposeAward(l, Guid.NewGuid())),
            ("unsuccessful", LotStatus.Unsuccessful, (t, l) => t.ProposeAward(l, null)),
            ("standstill", LotStatus.Standstill, (t, l) => t.StartStandstill(l, DateOnly.FromDateTime(Now), 0)),
            ("award", LotStatus.Awarded, (t, l) => t.Award(l, Now.AddDays(60))),
            ("sign", LotStatus.ContractSigned, (t, l) => t.ContractSigned(l)),
            ("cancel", LotStatus.Cancelled, (t, l) => t.Cancel("budget withdrawn", l.Number, Now)),
        };
        var allowed = new Dictionary<LotStatus, LotStatus[]>
        {
            [LotStatus.Draft] = [LotStatus.Published, LotStatus.Cancelled],
            [LotStatus.Published] = [LotStatus.Cancelled],                       // closing happens by itself at the deadline
            [LotStatus.SubmissionClosed] = [LotStatus.Evaluation, LotStatus.Cancelled],
            [LotStatus.Evaluation] = [LotStatus.AwardProposed, LotStatus.Unsuccessful, LotStatus.Cancelled],
            [LotStatus.AwardProposed] = [LotStatus.Standstill, LotStatus.Cancelled],
            [LotStatus.Standstill] = [LotStatus.Awarded, LotStatus.Cancelled],
            [LotStatus.Awarded] = [LotStatus.ContractSigned, LotStatus.Cancelled],
            [LotStatus.ContractSigned] = [],
            [LotStatus.Cancelled] = [],
            [LotStatus.Unsuccessful] = [],
        };

        foreach (var state in Enum.GetValues<LotStatus>())
        foreach (var operation in operations)
        {
            var (tender, lot) = InState(state);
            if (allowed[state].Contains(operation.Target))
            {
                operation.Act(tender, lot);
                Assert.Equal(operation.Target, lot.Status);
            }
            else
            {
                var e = Assert.ThrowsAny<Exception>(() => operation.Act(tender, lot));
                var conflict = Assert.IsType<StateConflictException>(e);
                Assert.Equal(state.ToString(), conflict.CurrentState);
                Assert.Equal(state, lot.Status);
            }
        }
    }

    private static (Tender, Lot) InState(LotStatus state)
    {
        var tender = TenderOf(Grant(), 350_000m);
        var lot = tender.Lots[0];
        if (state == LotStatus.Draft) return (tender, lot);
        if (state == LotStatus.Cancelled) { tender.Cancel("reason", 1, Now); return (tender, lot); }
        tender.Publish(Now, Now.AddDays(30), Now);
        if (state == LotStatus.Published) return (tender, lot);
        tender.Refresh(Now.AddDays(31));
        if (state == LotStatus.SubmissionClosed) return (tender, lot);
        tender.StartEvaluation(lot);
        if (state == LotStatus.Evaluation) return (tender, lot);
        if (state == LotStatus.Unsuccessful) { tender.ProposeAward(lot, null); return (tender, lot); }
        tender.ProposeAward(lot, Guid.NewGuid());
        if (state == LotStatus.AwardProposed) return (tender, lot);
        tender.StartStandstill(lot, DateOnly.FromDateTime(Now.AddDays(31)), 10);
        if (state == LotStatus.Standstill) return (tender, lot);
        tender.Award(lot, Now.AddDays(45));
        if (state == LotStatus.Awarded) return (tender, lot);
        tender.ContractSigned(lot);
        return (tender, lot);
    }

    [Fact]
    public void The_award_waits_for_the_end_of_the_standstill()
    {
        var (tender, lot) = InState(LotStatus.Standstill);       // notified on day 31, 10 days: ends on day 41
        var e = Assert.Throws<StateConflictException>(() => tender.Award(lot, Now.AddDays(40)));
        Assert.Equal("Standstill", e.CurrentState);
        tender.Award(lot, Now.AddDays(41));
        Assert.Equal(LotStatus.Awarded, lot.Status);
    }

    [Fact]
    public void Best_value_ranking_matches_the_hand_computed_scores()
    {
        var grant = Grant();
        var tender = TenderOf(grant, 95_000m, AwardMethod.BestValue, invited: [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        tender.Publish(Now, Now.AddDays(30), Now);
        var lot = tender.Lots[0];
        var supplierA = new Supplier("A GmbH", "DE", "HRB-1", "A", "a@example.org", null);
        var supplierB = new Supplier("B SARL", "FR", "RCS-2", "B", "b@example.org", null);
        tender.InvitedSupplierIds.AddRange([supplierA.Id, supplierB.Id]);
        var a = Bid.Submit(tender, lot, supplierA, grant, Now.AddDays(1), [new BidLine(1, 100_000m, "DE")], Now.AddDays(1));
        var b = Bid.Submit(tender, lot, supplierB, grant, Now.AddDays(2), [new BidLine(1, 90_000m, "FR")], Now.AddDays(2));
        tender.Refresh(Now.AddDays(31));
        tender.StartEvaluation(lot);
        a.Evaluate(tender, true, true, null, new Dictionary<string, decimal> { ["technical"] = 80, ["delivery"] = 60 });
        b.Evaluate(tender, true, true, null, new Dictionary<string, decimal> { ["technical"] = 60, ["delivery"] = 50 });

        // A: 50×80/100 + 20×60/100 + 30×90,000/100,000 = 40 + 12 + 27 = 79
        // B: 50×60/100 + 20×50/100 + 30×90,000/90,000  = 30 + 10 + 30 = 70
        var winner = Ranking.Rank(tender, [a, b]);
        Assert.Same(a, winner);
        Assert.Equal(79.00m, a.Score);
        Assert.Equal(70.00m, b.Score);
        Assert.Equal((1, 2), (a.Rank!.Value, b.Rank!.Value));
    }

    [Fact]
    public void Lowest_price_ranks_compliant_bids_by_price_and_ignores_non_compliant_ones()
    {
        var grant = Grant();
        var tender = TenderOf(grant, 350_000m);
        tender.Publish(Now, Now.AddDays(30), Now);
        var lot = tender.Lots[0];
        Bid BidOf(string name, decimal price) =>
            Bid.Submit(tender, lot, new Supplier(name, "DE", name, name, "x@example.org", null), grant, Now.AddDays(1), [new BidLine(1, price, "DE")], Now.AddDays(1));
        var cheapest = BidOf("Cheap", 280_000m);
        var middle = BidOf("Middle", 300_000m);
        var dear = BidOf("Dear", 320_000m);
        tender.Refresh(Now.AddDays(31));
        tender.StartEvaluation(lot);
        cheapest.Evaluate(tender, true, false, "Detector resolution 320×240, not 640×512", new Dictionary<string, decimal>());
        middle.Evaluate(tender, true, true, null, new Dictionary<string, decimal>());
        dear.Evaluate(tender, true, true, null, new Dictionary<string, decimal>());

        Assert.Same(middle, Ranking.Rank(tender, [cheapest, middle, dear]));
        Assert.Null(cheapest.Rank);
        Assert.Equal(2, dear.Rank);
        Assert.Throws<RuleViolationException>(() => dear.Evaluate(tender, false, true, null, new Dictionary<string, decimal>()));
    }
}
