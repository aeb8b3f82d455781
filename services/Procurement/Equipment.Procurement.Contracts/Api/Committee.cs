namespace Equipment.Procurement.Contracts.Api;

/// <summary>
/// A member of a tender's evaluation committee as the officer records them: who, in what capacity (function and
/// organisation, optional), and the day they signed the declaration of impartiality and confidentiality.
/// </summary>
public sealed record CommitteeMemberInput(string Name, string? Position, DateOnly? DeclarationSignedOn);

/// <summary>
/// <c>PUT /tenders/{tenderId}/evaluation-committee</c>: the committee that opens and evaluates the bids, recorded (or
/// replaced) before any lot's bids are opened. A non-voting chair and secretary, and an odd number, at least three (or
/// what the tender's PRAG edition asks), of voting evaluators; every member has signed the declaration; nobody sits twice.
/// </summary>
public sealed record RecordEvaluationCommitteeRequest(CommitteeMemberInput? Chair, CommitteeMemberInput? Secretary, IReadOnlyList<CommitteeMemberInput>? Evaluators);

/// <summary>A recorded committee member: every one has signed the declaration of impartiality and confidentiality.</summary>
public sealed record CommitteeMember(string Name, string? Position, DateOnly DeclarationSignedOn);

/// <summary>The evaluation committee of a tender, and when it was last recorded.</summary>
public sealed record EvaluationCommitteeResponse(CommitteeMember Chair, CommitteeMember Secretary, IReadOnlyList<CommitteeMember> Evaluators, DateTime RecordedAt);
