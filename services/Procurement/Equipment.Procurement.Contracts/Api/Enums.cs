namespace Equipment.Procurement.Contracts.Api;

/// <summary>The PRAG supply procedures, from the strictest.</summary>
public enum Procedure { InternationalOpenTender, LocalOpenProcedure, CompetitiveNegotiatedProcedure, SingleTender }

public enum LotStatus { Draft, Published, SubmissionClosed, Evaluation, AwardProposed, Standstill, Awarded, ContractSigned, Cancelled, Unsuccessful }

/// <summary>A tender's state: its lots' state when they all share one, otherwise <see cref="Mixed"/>.</summary>
public enum TenderStatus { Draft, Published, SubmissionClosed, Evaluation, AwardProposed, Standstill, Awarded, ContractSigned, Cancelled, Unsuccessful, Mixed }

public enum AwardMethod { LowestPrice, BestValue }

public enum ContractStatus { Draft, Signed }

public enum RequisitionStatus { Open, Tendered, Contracted, Cancelled }
