using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>A corrective job on an asset under warranty raised a claim against the supplier.</summary>
public sealed record WarrantyClaimRaised(
    DateOnly RaisedOn,
    Guid WarrantyClaimId,
    Guid AssetId,
    Guid GrantId,
    string SupplierName,
    Guid WorkOrderId,
    DateOnly WarrantyEndsOn) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.warranty-claim-raised";
}
