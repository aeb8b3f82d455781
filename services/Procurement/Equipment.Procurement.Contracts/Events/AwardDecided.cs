using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Procurement.Contracts;

/// <summary>A lot was awarded after its standstill: to whom, for how much.</summary>
public sealed record AwardDecided(
    Guid TenderId,
    string TenderReference,
    int LotNumber,
    Guid GrantId,
    string DonorCode,
    Guid SupplierId,
    string SupplierName,
    string SupplierCountry,
    decimal Value,
    string Currency,
    DateTimeOffset DecidedAt) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "procurement.award-decided";
}
