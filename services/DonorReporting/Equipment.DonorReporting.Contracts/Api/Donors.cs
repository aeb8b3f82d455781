namespace Equipment.DonorReporting.Contracts.Api;

/// <summary><c>POST /donors</c>: code, name and, for IATI, the organisation identifier and type (10 government, 40 multilateral …).</summary>
public sealed record RegisterDonorRequest(string Code, string Name, string? IatiOrganisationId = null, string? IatiOrganisationType = null);

public sealed record DonorResponse(string Code, string Name, string IatiOrganisationId, string IatiOrganisationType);
