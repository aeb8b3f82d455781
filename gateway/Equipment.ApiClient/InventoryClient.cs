namespace Equipment.ApiClient;

/// <summary><c>/api/inventory</c>: expected deliveries, goods received, assets and their deployment.</summary>
public sealed class InventoryClient(HttpClient http) : ApiClientBase(http)
{
    public Task<Page<ExpectedDelivery>> ListExpectedDeliveriesAsync(Guid? contractId = null, Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<ExpectedDelivery>>("api/inventory/expected-deliveries" + Query(("contractId", contractId), ("grantId", grantId), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<GoodsReceived> ReceiveAsync(Guid expectedDeliveryId, GoodsReceipt receipt, CancellationToken cancellationToken = default) =>
        PostAsync<GoodsReceived>($"api/inventory/expected-deliveries/{expectedDeliveryId}/receipts", receipt, cancellationToken);

    public Task<Page<Asset>> ListAssetsAsync(Guid? grantId = null, Guid? contractId = null, string? status = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Asset>>("api/inventory/assets" + Query(("grantId", grantId), ("contractId", contractId), ("status", status), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Asset> GetAssetAsync(Guid assetId, CancellationToken cancellationToken = default) =>
        GetAsync<Asset>($"api/inventory/assets/{assetId}", cancellationToken);

    public Task<Asset> DeployAsync(Guid assetId, string crossingPointCode, DateOnly deployedOn, CancellationToken cancellationToken = default) =>
        PostAsync<Asset>($"api/inventory/assets/{assetId}/deployment", new { crossingPointCode, deployedOn }, cancellationToken);
}

public sealed record ExpectedDelivery(
    Guid Id, Guid ContractId, string ContractReference, int ContractLineNumber, Guid GrantId, string DonorCode, string SupplierName,
    string ItemCategory, string Description, int QuantityExpected, int QuantityAccepted, int QuantityRejected, int QuantityOutstanding,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly DeliveryDeadline, int WarrantyMonths);

public sealed record GoodsReceipt(DateOnly ReceivedOn, IReadOnlyList<string> SerialNumbers, int RejectedQuantity = 0, string? RejectionReason = null);

public sealed record GoodsReceived(
    Guid GoodsReceivedNoteId, Guid ExpectedDeliveryId, DateOnly ReceivedOn, int AcceptedQuantity, int RejectedQuantity,
    int QuantityOutstanding, IReadOnlyList<Asset> Assets);

public sealed record Asset(
    Guid Id, string SerialNumber, string ItemCategory, string Description, Guid GrantId, string DonorCode, Guid ContractId,
    int ContractLineNumber, decimal UnitValue, string Currency, DateOnly ReceivedOn, DateOnly WarrantyEndsOn,
    string Status, string? CrossingPointCode, DateOnly? DeployedOn);
