using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>Assets were handed over to the beneficiary border authority by a handover certificate: they now belong to it.</summary>
public sealed record AssetsHandedOver(
    Guid HandoverCertificateId,
    string CertificateNumber,
    Guid GrantId,
    string DonorCode,
    string FromParty,
    string ToAuthority,
    DateOnly HandedOverOn,
    IReadOnlyList<Guid> AssetIds) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.asset-handed-over";
}
