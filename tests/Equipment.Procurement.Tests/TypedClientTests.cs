using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary>The Refit client of <c>/api/procurement</c> against the service itself: routes, bodies, enums and problem details agree.</summary>
public class TypedClientTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IProcurementApi _officer = EquipmentApi.For(factory.ClientAs(Roles.ProcurementOfficer, username: "officer")).Procurement;

    private RaiseRequisitionRequest Need(Guid grantId, decimal unitValue) =>
        new(grantId, "EQ-1", "ThermalCamera", "Handheld thermal binocular", 2, unitValue, "TN-RAS-AJDIR", null, new DateOnly(2026, 12, 1));

    [Fact]
    public async Task A_single_tender_runs_from_requisition_to_an_amended_contract_through_the_typed_client()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        Assert.Contains(await _officer.ListKnownGrantsAsync(), g => g.GrantId == world.GrantId);
        Assert.Contains((await _officer.GetReferenceDataAsync()).Procedures, p => p.Procedure == Procedure.SingleTender && !p.IsOpen);
        var supplier = await _officer.RegisterSupplierAsync(new RegisterSupplierRequest("Optronique du Sud SARL", "FR", Guid.NewGuid().ToString("N")[..10], "Sales", "sales@example.org"));
        Assert.Contains((await _officer.ListSuppliersAsync(pageSize: 200)).Items, s => s.Id == supplier.Id);

        var requisition = await _officer.RaiseRequisitionAsync(Need(world.GrantId, 4_000m));
        Assert.Equal(RequisitionStatus.Open, requisition.Status);
        var dropped = await _officer.RaiseRequisitionAsync(Need(world.GrantId, 1_000m));
        Assert.Equal(RequisitionStatus.Cancelled, (await _officer.CancelRequisitionAsync(dropped.Id)).Status);

        var tender = await _officer.CreateTenderAsync(new CreateTenderRequest("T-" + Guid.NewGuid().ToString("N")[..8], "Thermal binoculars", world.GrantId,
            [new LotInput("Binoculars", [requisition.Id])], InvitedSupplierIds: [supplier.Id]));
        Assert.Equal((Procedure.SingleTender, TenderStatus.Draft, AwardMethod.LowestPrice), (tender.Procedure, tender.Status, tender.AwardMethod));
        Assert.Contains((await _officer.ListRequisitionsAsync(world.GrantId, RequisitionStatus.Tendered)).Items, r => r.Id == requisition.Id);

        var published = await _officer.PublishAsync(tender.Id, new PublishTenderRequest(world.Now, world.Now.AddDays(2)));
        Assert.Equal(LotStatus.Published, published.Lots[0].Status);
        await _officer.AskClarificationAsync(tender.Id, new AskClarificationRequest("Is a carrying case included?"));
        var answered = await _officer.AnswerClarificationAsync(tender.Id, 1, new AnswerClarificationRequest("Yes."));
        Assert.Equal("Yes.", answered.Clarifications[0].Answer);
        await _officer.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(supplier.Id, world.Now, [new BidLineInput(1, 3_900m, "FR")]));
        Assert.Equal(HttpStatusCode.Conflict, (await Assert.ThrowsAsync<ApiException>(() => _officer.ListBidsAsync(tender.Id, 1))).Status);   // sealed

        world.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.Conflict, (await Assert.ThrowsAsync<ApiException>(() => _officer.StartEvaluationAsync(tender.Id, 1))).Status);   // no committee yet
        var declared = DateOnly.FromDateTime(world.Now);
        var withCommittee = await _officer.RecordEvaluationCommitteeAsync(tender.Id, new RecordEvaluationCommitteeRequest(
            new CommitteeMemberInput("Amira Ben Youssef", "Procurement lead", declared), new CommitteeMemberInput("Luca Bianchi", null, declared),
            [new CommitteeMemberInput("Sami Trabelsi", null, declared), new CommitteeMemberInput("Elena Petrović", null, declared), new CommitteeMemberInput("Jonas Weber", null, declared)]));
        Assert.Equal((3, 3, "Amira Ben Youssef"), (withCommittee.MinimumVotingEvaluators, withCommittee.EvaluationCommittee!.Evaluators.Count, withCommittee.EvaluationCommittee.Chair.Name));
        Assert.Equal(LotStatus.Evaluation, (await _officer.StartEvaluationAsync(tender.Id, 1)).Lots[0].Status);
        var bid = Assert.Single(await _officer.ListBidsAsync(tender.Id, 1));
        Assert.True((await _officer.EvaluateBidAsync(tender.Id, bid.Id, new EvaluateBidRequest(true, true, "Compliant"))).TechnicallyCompliant);
        Assert.Equal(LotStatus.AwardProposed, (await _officer.ProposeAwardAsync(tender.Id, 1)).Lots[0].Status);
        var today = DateOnly.FromDateTime(world.Now);
        Assert.Equal(LotStatus.Standstill, (await _officer.StartStandstillAsync(tender.Id, 1, new StartStandstillRequest(today))).Lots[0].Status);
        world.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(LotStatus.Awarded, (await _officer.DecideAwardAsync(tender.Id, 1, new DecideAwardRequest())).Lots[0].Status);
        var report = await _officer.GetEvaluationReportAsync(tender.Id, 1);
        Assert.Equal((LotStatus.Awarded, bid.Id), (report.LotStatus, report.ProposedBidId));
        Assert.Equal(["Sami Trabelsi", "Elena Petrović", "Jonas Weber"], report.EvaluationCommittee!.Evaluators.Select(e => e.Name));
        using (var html = await _officer.DownloadEvaluationReportAsync(tender.Id, 1)) Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);

        var draft = await _officer.DraftContractAsync(tender.Id, 1, new DraftContractRequest("C-" + tender.Reference[2..], 24));
        Assert.Equal(ContractStatus.Draft, draft.Status);
        var signed = await _officer.SignContractAsync(draft.Id, new SignContractRequest(DateOnly.FromDateTime(world.Now)));
        Assert.Equal(ContractStatus.Signed, signed.Status);
        var trail = await _officer.GetAuditTrailAsync("Contract", draft.Id.ToString());
        Assert.Equal(["Created", "Changed"], trail.Select(e => e.Action));
        Assert.Equal(("officer", Roles.ProcurementOfficer), (trail[1].User, trail[1].Role));
        Assert.Contains("SignedOn", trail[1].ChangedFields);
        var amended = await _officer.AmendContractAsync(draft.Id, new AmendContractRequest("One more unit", DateOnly.FromDateTime(world.Now), [new LineAmendment(1, 3, null)]));
        Assert.Equal((2, 3, 1), (amended.Version, amended.Lines[0].Quantity, amended.PreviousVersions.Count));
        Assert.Equal(2, (await _officer.GetContractAsync(draft.Id)).Version);
        Assert.Contains((await _officer.ListContractsAsync(world.GrantId)).Items, c => c.Id == draft.Id);
        Assert.Equal(TenderStatus.ContractSigned, (await _officer.GetTenderAsync(tender.Id)).Status);
        Assert.Contains((await _officer.ListTendersAsync(world.GrantId)).Items, t => t.Id == tender.Id);
        Assert.Contains(tender.Reference, await _officer.GetOcdsReleasePackageAsync());
    }

    [Fact]
    public async Task A_tender_is_cancelled_and_a_refusal_carries_the_problem_naming_the_field()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var requisition = await _officer.RaiseRequisitionAsync(Need(world.GrantId, 3_000m));
        var tender = await _officer.CreateTenderAsync(new CreateTenderRequest("T-" + Guid.NewGuid().ToString("N")[..8], "Binoculars", world.GrantId,
            [new LotInput("Binoculars", [requisition.Id])], InvitedSupplierIds: [await world.SupplierAsync("Thermovision GmbH", "DE")]));
        var cancelled = await _officer.CancelAsync(tender.Id, new CancelTenderRequest("Need covered otherwise"));
        Assert.Equal((TenderStatus.Cancelled, "Need covered otherwise"), (cancelled.Status, cancelled.CancellationReason));

        var refused = await Assert.ThrowsAsync<ApiException>(() => _officer.RaiseRequisitionAsync(Need(world.GrantId, 3_000m) with { Quantity = null }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Problem.GetProperty("errors").TryGetProperty("quantity", out _), refused.Content);
    }
}
