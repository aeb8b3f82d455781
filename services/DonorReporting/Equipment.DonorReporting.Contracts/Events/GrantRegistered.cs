using Equipment.DonorReporting.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.DonorReporting.Contracts;

/// <summary>A grant (action) was registered with its agreed crossing points. Procurement and inventory keep copies.</summary>
public sealed record GrantRegistered(
    Guid GrantId,
    string Reference,
    string Title,
    string DonorCode,
    FundingInstrument Instrument,
    decimal Amount,
    string Currency,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> BeneficiaryCountries,
    IReadOnlyList<CrossingPoint> CrossingPoints) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "reporting.grant-registered";

    /// <summary>v2: the grant's budget lines; procurement commits requisitions against them. Empty from v1 publishers.</summary>
    public IReadOnlyList<BudgetLine> BudgetLines { get; init; } = [];

    /// <summary>v2: nationalities (ISO codes) eligible to bid and origins eligible for goods under the grant's instrument.</summary>
    public IReadOnlyList<string> EligibleNationalities { get; init; } = [];

    /// <summary>v2: who implements the action and contracts for it (the OCDS buyer), e.g. ICMPD, IOM, Frontex.</summary>
    public string ImplementingPartner { get; init; } = "";
}
