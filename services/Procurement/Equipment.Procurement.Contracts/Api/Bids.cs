namespace Equipment.Procurement.Contracts.Api;

/// <summary>A bid's price and origin for one line of the lot.</summary>
public sealed record BidLineInput(int? LineNumber, decimal? UnitPrice, string CountryOfOrigin);

/// <summary><c>POST /tenders/{tenderId}/lots/{lotNumber}/bids</c>.</summary>
public sealed record SubmitBidRequest(Guid? SupplierId, DateTime? ReceivedAt, IReadOnlyList<BidLineInput>? Lines);

/// <summary>A recorded bid, as it may be shown before the deadline: no price.</summary>
public sealed record SealedBidResponse(Guid Id, Guid TenderId, int LotNumber, Guid SupplierId, string SupplierName, DateTime ReceivedAt);

public sealed record BidLine(int LineNumber, decimal UnitPrice, string CountryOfOrigin);

public sealed record BidResponse(
    Guid Id, int LotNumber, Guid SupplierId, string SupplierName, string SupplierCountry, DateTime ReceivedAt, decimal TotalPrice,
    IReadOnlyList<BidLine> Lines, bool? AdministrativelyCompliant, bool? TechnicallyCompliant, string? EvaluationNotes,
    IReadOnlyDictionary<string, decimal> QualityScores, decimal? Score, int? Rank);

/// <summary><c>POST /tenders/{tenderId}/bids/{bidId}/evaluation</c>: compliance, notes and quality scores (best value).</summary>
public sealed record EvaluateBidRequest(bool? AdministrativelyCompliant, bool? TechnicallyCompliant, string? Notes = null, IReadOnlyDictionary<string, decimal>? QualityScores = null);

/// <summary><c>POST /tenders/{tenderId}/lots/{lotNumber}/standstill</c>: when the award proposal was notified.</summary>
public sealed record StartStandstillRequest(DateOnly? NotifiedOn);

/// <summary><c>POST /tenders/{tenderId}/lots/{lotNumber}/award</c>: when the award was decided (today when absent).</summary>
public sealed record DecideAwardRequest(DateOnly? DecidedOn = null);

/// <summary><c>GET /tenders/{tenderId}/lots/{lotNumber}/evaluation-report</c>: with the committee that evaluated (null when none was recorded).</summary>
public sealed record EvaluationReport(
    Guid TenderId, string TenderReference, string TenderTitle, Procedure Procedure, string RuleSetEdition, int LotNumber, string LotTitle,
    LotStatus LotStatus, decimal EstimatedValue, AwardMethod AwardMethod, int PriceWeight, IReadOnlyList<AwardCriterion> QualityCriteria,
    DateTime? SubmissionDeadline, IReadOnlyList<BidResponse> Bids, Guid? ProposedBidId, DateTime GeneratedAt,
    EvaluationCommitteeResponse? EvaluationCommittee = null);
