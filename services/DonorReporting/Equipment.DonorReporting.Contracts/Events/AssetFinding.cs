using Equipment.DonorReporting.Contracts.Api;
namespace Equipment.DonorReporting.Contracts;

/// <summary>What the monitor found of one asset: e.g. Present, Relocated, Unused, Missing, NoVisibilityMarking.</summary>
public sealed record AssetFinding(Guid AssetId, Finding Finding, string? Note);
