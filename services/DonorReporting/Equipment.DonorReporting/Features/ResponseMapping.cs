using Equipment.DonorReporting.Domain;

namespace Equipment.DonorReporting.Features;

/// <summary>The contract records built from the domain: <c>XResponse.From(entity)</c>.</summary>
public static class ResponseMapping
{
    extension(DonorResponse)
    {
        public static DonorResponse From(Donor donor) => new(donor.Code, donor.Name, donor.IatiReference, donor.IatiOrganisationType);
    }

    extension(GrantResponse)
    {
        public static GrantResponse From(Grant g) => new(
            g.Id, g.Reference, g.Title, g.DonorCode, g.Instrument, g.ImplementingPartner, g.Amount, g.Currency,
            g.StartDate, g.EndDate, g.BeneficiaryCountries, g.CrossingPoints, g.BudgetLines, g.EligibleNationalities, g.Indicators, g.Version);
    }

    extension(DisbursementResponse)
    {
        public static DisbursementResponse From(Disbursement d) => new(d.Id, d.PaidOn, d.Amount, d.Reference);
    }

    extension(VisitResponse)
    {
        public static VisitResponse From(VerificationVisit v) => new(
            v.Id, v.GrantId, v.DonorCode, v.CrossingPointCode, v.PlannedFor, v.Monitor, v.Seed, v.Weights, v.SampledAssetIds, v.Status, v.VisitedOn, v.Findings, v.FollowUps);
    }

    extension(AllegationResponse)
    {
        public static AllegationResponse From(MisuseAllegation a) => new(
            a.Id, a.GrantId, a.DonorCode, a.AssetId, a.ReportedBy, a.Allegation, a.ReceivedAt, a.Status, a.Outcome);
    }
}
