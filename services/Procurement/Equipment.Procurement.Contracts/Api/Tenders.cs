namespace Equipment.Procurement.Contracts.Api;

/// <summary>A quality criterion of best-value evaluation, with its weight (price has its own weight on the tender).</summary>
public sealed record AwardCriterion(string Name, int Weight);

/// <summary>A lot of a new tender: whole requisitions.</summary>
public sealed record LotInput(string Title, IReadOnlyList<Guid>? RequisitionIds);

/// <summary><c>POST /tenders</c>: a draft tender from whole requisitions in lots.</summary>
public sealed record CreateTenderRequest(
    string Reference, string Title, Guid? GrantId, IReadOnlyList<LotInput>? Lots, AwardMethod? AwardMethod = Api.AwardMethod.LowestPrice, int? PriceWeight = 0,
    IReadOnlyList<AwardCriterion>? QualityCriteria = null, IReadOnlyList<Guid>? InvitedSupplierIds = null);

/// <summary><c>POST /tenders/{tenderId}/publication</c>: no earlier than the procedure's minimum period before the deadline.</summary>
public sealed record PublishTenderRequest(DateTime? PublishedAt, DateTime? SubmissionDeadline);

/// <summary><c>POST /tenders/{tenderId}/clarifications</c>.</summary>
public sealed record AskClarificationRequest(string Question);

/// <summary><c>POST /tenders/{tenderId}/clarifications/{number}/answer</c>.</summary>
public sealed record AnswerClarificationRequest(string Answer);

/// <summary><c>POST /tenders/{tenderId}/cancellation</c>: the whole tender, or one lot.</summary>
public sealed record CancelTenderRequest(string Reason, int? LotNumber = null);

public sealed record LotLine(
    int LineNumber, Guid RequisitionId, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int Quantity,
    decimal EstimatedUnitValue, string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly RequiredBy);

public sealed record LotResponse(
    int Number, string Title, LotStatus Status, decimal EstimatedValue, IReadOnlyList<LotLine> Lines, Guid? ProposedBidId,
    DateOnly? StandstillEndsOn, DateTime? AwardedAt, string? CancellationReason);

public sealed record ClarificationResponse(int Number, string Question, DateTime AskedAt, string? Answer, DateTime? AnsweredAt);

/// <summary>
/// A tender. <see cref="MinimumVotingEvaluators"/>: the voting evaluators its edition asks for at least before the bids
/// are opened (null: no committee is required); <see cref="EvaluationCommittee"/>: the committee recorded, if any.
/// </summary>
public sealed record TenderResponse(
    Guid Id, string Reference, string Title, Guid GrantId, string DonorCode, Procedure Procedure, string RuleSetEdition, int MinimumSubmissionDays,
    decimal EstimatedValue, string Currency, AwardMethod AwardMethod, int PriceWeight, IReadOnlyList<AwardCriterion> QualityCriteria,
    IReadOnlyList<Guid> InvitedSupplierIds, DateTime? PublishedAt, DateTime? SubmissionDeadline, TenderStatus Status, string? CancellationReason,
    IReadOnlyList<LotResponse> Lots, IReadOnlyList<ClarificationResponse> Clarifications,
    int? MinimumVotingEvaluators = null, EvaluationCommitteeResponse? EvaluationCommittee = null);
