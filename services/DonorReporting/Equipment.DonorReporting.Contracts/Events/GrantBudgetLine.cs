namespace Equipment.DonorReporting.Contracts;

/// <summary>A budget line of a grant: stable code, what it is for, and its amount in the grant's currency.</summary>
public sealed record GrantBudgetLine(string Code, string Description, decimal Amount);
