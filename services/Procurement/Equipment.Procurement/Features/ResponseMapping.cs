using Equipment.Procurement.Domain;

namespace Equipment.Procurement.Features;

/// <summary>The contract records built from the domain: <c>XResponse.From(entity)</c>.</summary>
public static class ResponseMapping
{
    extension(ContractResponse)
    {
        public static ContractResponse From(Contract c) => new(
            c.Id, c.Reference, c.TenderId, c.LotNumber, c.GrantId, c.DonorCode, c.SupplierId, c.SupplierName, c.SupplierCountry, c.Currency, c.Status,
            c.SignedOn, c.Version, c.TotalValue, c.Lines,
            c.Versions.Select(v => new ContractVersionResponse(v.Version, v.AmendedOn, v.Reason, v.RecordedAt, v.Lines)).ToList());
    }

    extension(BidResponse)
    {
        public static BidResponse From(Bid b, Supplier s) => new(
            b.Id, b.LotNumber, s.Id, s.LegalName, s.CountryOfEstablishment, b.ReceivedAt, b.TotalPrice, b.Lines, b.AdministrativelyCompliant,
            b.TechnicallyCompliant, b.EvaluationNotes, b.QualityScores, b.Score, b.Rank);
    }

    extension(RequisitionResponse)
    {
        public static RequisitionResponse From(Requisition r) => new(
            r.Id, r.GrantId, r.DonorCode, r.BudgetLineCode, r.ItemCategory, r.TechnicalSpecification, r.Quantity, r.EstimatedUnitValue, r.EstimatedValue,
            r.DestinationCrossingPointCode, r.DestinationWarehouse, r.RequiredBy, r.Status, r.TenderId, r.RaisedAt);
    }

    extension(SupplierResponse)
    {
        public static SupplierResponse From(Supplier s) => new(s.Id, s.LegalName, s.CountryOfEstablishment, s.RegistrationNumber, s.ContactName, s.ContactEmail, s.ContactPhone);
    }

    extension(TenderResponse)
    {
        public static TenderResponse From(Tender t) => new(
            t.Id, t.Reference, t.Title, t.GrantId, t.DonorCode, t.Procedure, t.RuleSetEdition, t.MinimumSubmissionDays, t.EstimatedValue, t.Currency,
            t.AwardMethod, t.PriceWeight, t.QualityCriteria, t.InvitedSupplierIds, t.PublishedAt, t.SubmissionDeadline, Enum.Parse<TenderStatus>(t.TenderStatus),
            t.CancellationReason,
            t.Lots.Select(l => new LotResponse(l.Number, l.Title, l.Status, l.EstimatedValue, l.Lines, l.ProposedBidId, l.StandstillEndsOn, l.AwardedAt, l.CancellationReason)).ToList(),
            t.Clarifications.Select(c => new ClarificationResponse(c.Number, c.Question, c.AskedAt, c.Answer, c.AnsweredAt)).ToList(),
            t.MinimumVotingEvaluators, EvaluationCommitteeResponse.From(t.EvaluationCommittee));
    }

    extension(EvaluationCommitteeResponse)
    {
        public static EvaluationCommitteeResponse? From(EvaluationCommittee? c) =>
            c is null ? null : new(c.Chair, c.Secretary, c.Evaluators.ToList(), c.RecordedAt);
    }
}
