using Equipment.ApiClient;
using Equipment.Procurement.Contracts.Api;

namespace Equipment.AppHost;

/// <summary>One supplier's offer in a procedure: a unit price per requisition (in order), and how the evaluators judged it.</summary>
public sealed record Offer(Guid SupplierId, IReadOnlyList<decimal> UnitPrices, string Origin, bool Compliant = true, string? Notes = null,
    IReadOnlyDictionary<string, decimal>? QualityScores = null);

/// <summary>
/// Runs a PRAG procedure through the public API the way a procurement officer records it: requisitions, tender,
/// publication, bids, the evaluation committee, evaluation, award proposal, standstill, award, contract, signature. Dates are set in the past
/// (see the timeline below) so that a whole procedure can be
/// recorded in one go, as officers do when they enter a procedure run on paper.
/// Timeline (days before today): published 120, bids 90, declarations of the evaluation committee 86, deadline 85, standstill notified 80,
/// award 70, signature 65.
/// </summary>
public static class ProcurementRun
{
    public static async Task<(TenderResponse Tender, ContractResponse Contract)> ToSignedContractAsync(
        EquipmentApi officer, Guid grantId, string reference, string title, IReadOnlyList<RaiseRequisitionRequest> needs, IReadOnlyList<Offer> offers,
        IReadOnlyList<Guid>? invited = null, AwardMethod awardMethod = AwardMethod.LowestPrice, int priceWeight = 0, IReadOnlyList<AwardCriterion>? criteria = null,
        int warrantyMonths = 24, CancellationToken cancellationToken = default)
    {
        var tender = await DraftAndPublishAsync(officer, grantId, reference, title, needs, invited, awardMethod, priceWeight, criteria, cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var offer in offers)
            await officer.Procurement.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(offer.SupplierId, now.AddDays(-90),
                offer.UnitPrices.Select((price, i) => new BidLineInput(i + 1, price, offer.Origin)).ToList()), cancellationToken);

        await RecordCommitteeAsync(officer, tender.Id, DateOnly.FromDateTime(now.AddDays(-86)), cancellationToken);
        await officer.Procurement.StartEvaluationAsync(tender.Id, 1, cancellationToken);
        var bids = await officer.Procurement.ListBidsAsync(tender.Id, 1, cancellationToken);
        foreach (var offer in offers)
        {
            var bid = bids.Single(b => b.SupplierId == offer.SupplierId);
            await officer.Procurement.EvaluateBidAsync(tender.Id, bid.Id, new EvaluateBidRequest(true, offer.Compliant, offer.Notes, offer.QualityScores), cancellationToken);
        }
        await officer.Procurement.ProposeAwardAsync(tender.Id, 1, cancellationToken);
        await officer.Procurement.StartStandstillAsync(tender.Id, 1, new StartStandstillRequest(DateOnly.FromDateTime(now.AddDays(-80))), cancellationToken);
        await officer.Procurement.DecideAwardAsync(tender.Id, 1, new DecideAwardRequest(DateOnly.FromDateTime(now.AddDays(-70))), cancellationToken);
        var draft = await officer.Procurement.DraftContractAsync(tender.Id, 1, new DraftContractRequest(reference.Replace("T-", "C-"), warrantyMonths), cancellationToken);
        var contract = await officer.Procurement.SignContractAsync(draft.Id, new SignContractRequest(DateOnly.FromDateTime(now.AddDays(-65))), cancellationToken);
        return (await officer.Procurement.GetTenderAsync(tender.Id, cancellationToken), contract);
    }

    /// <summary>
    /// The evaluation committee PRAG asks for before the bids are opened: a non-voting chair and secretary and three
    /// voting evaluators, all having signed their declaration of impartiality and confidentiality on <paramref name="declaredOn"/>.
    /// </summary>
    public static Task<TenderResponse> RecordCommitteeAsync(EquipmentApi officer, Guid tenderId, DateOnly declaredOn, CancellationToken cancellationToken = default) =>
        officer.Procurement.RecordEvaluationCommitteeAsync(tenderId, new RecordEvaluationCommitteeRequest(
            new CommitteeMemberInput("Amira Ben Youssef", "Procurement lead, ICMPD", declaredOn),
            new CommitteeMemberInput("Luca Bianchi", "Procurement assistant, ICMPD", declaredOn),
            [
                new CommitteeMemberInput("Sami Trabelsi", "Border equipment engineer, Garde nationale", declaredOn),
                new CommitteeMemberInput("Elena Petrović", "Surveillance systems expert", declaredOn),
                new CommitteeMemberInput("Jonas Weber", "Logistics officer, ICMPD", declaredOn),
            ]), cancellationToken);

    public static async Task<TenderResponse> DraftAndPublishAsync(
        EquipmentApi officer, Guid grantId, string reference, string title, IReadOnlyList<RaiseRequisitionRequest> needs, IReadOnlyList<Guid>? invited = null,
        AwardMethod awardMethod = AwardMethod.LowestPrice, int priceWeight = 0, IReadOnlyList<AwardCriterion>? criteria = null, CancellationToken cancellationToken = default)
    {
        var requisitions = new List<Guid>();
        foreach (var need in needs) requisitions.Add((await officer.Procurement.RaiseRequisitionAsync(need, cancellationToken)).Id);
        var tender = await officer.Procurement.CreateTenderAsync(new CreateTenderRequest(reference, title, grantId, [new LotInput(title, requisitions)],
            awardMethod, priceWeight, criteria, invited), cancellationToken);
        var now = DateTime.UtcNow;
        return await officer.Procurement.PublishAsync(tender.Id, new PublishTenderRequest(now.AddDays(-120), now.AddDays(-85)), cancellationToken);
    }
}
