namespace Equipment.ApiClient;

/// <summary><c>/api/inventory</c>: locations, expected deliveries, shipments, receipts, handovers, assets and their custody.</summary>
public sealed class InventoryClient(HttpClient http) : ApiClientBase(http)
{
    public Task<Warehouse> RegisterWarehouseAsync(Warehouse warehouse, CancellationToken cancellationToken = default) =>
        PostAsync<Warehouse>("api/inventory/warehouses", warehouse, cancellationToken);

    public Task<Page<ExpectedDelivery>> ListExpectedDeliveriesAsync(Guid? contractId = null, Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<ExpectedDelivery>>("api/inventory/expected-deliveries" + Query(("contractId", contractId), ("grantId", grantId), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Locations> ListLocationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Locations>("api/inventory/locations", cancellationToken);

    public Task<IReadOnlyList<Shipment>> ListShipmentsAsync(Guid? contractId = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Shipment>>("api/inventory/shipments" + Query(("contractId", contractId)), cancellationToken);

    public Task<Shipment> GetShipmentAsync(Guid shipmentId, CancellationToken cancellationToken = default) =>
        GetAsync<Shipment>($"api/inventory/shipments/{shipmentId}", cancellationToken);

    public Task<Passport> GetPassportAsync(Guid assetId, CancellationToken cancellationToken = default) =>
        GetAsync<Passport>($"api/inventory/assets/{assetId}/passport", cancellationToken);

    public Task<Shipment> DispatchAsync(NewShipment shipment, CancellationToken cancellationToken = default) =>
        PostAsync<Shipment>("api/inventory/shipments", shipment, cancellationToken);

    public Task<Shipment> MarkInTransitAsync(Guid shipmentId, CancellationToken cancellationToken = default) =>
        PostAsync<Shipment>($"api/inventory/shipments/{shipmentId}/transit", new { }, cancellationToken);

    public Task<Shipment> ArriveAsync(Guid shipmentId, DateOnly arrivedOn, string warehouseCode, CancellationToken cancellationToken = default) =>
        PostAsync<Shipment>($"api/inventory/shipments/{shipmentId}/arrival", new { arrivedOn, warehouseCode }, cancellationToken);

    public Task<GoodsReceived> ReceiveAsync(Guid shipmentId, GoodsReceipt receipt, CancellationToken cancellationToken = default) =>
        PostAsync<GoodsReceived>($"api/inventory/shipments/{shipmentId}/receipts", receipt, cancellationToken);

    /// <summary>Starts a bulk goods receipt from CSV (columns as in the API); poll <see cref="GetImportAsync"/> for its progress.</summary>
    public async Task<ImportJob> ImportReceiptsAsync(Guid shipmentId, DateOnly receivedOn, string csv, CancellationToken cancellationToken = default)
    {
        var path = $"api/inventory/shipments/{shipmentId}/receipts/import?receivedOn={receivedOn:yyyy-MM-dd}";
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        using var response = await Http.PostAsync(path, content, cancellationToken);
        return await ReadAsync<ImportJob>(response, "POST", path, cancellationToken);
    }

    public Task<ImportJob> GetImportAsync(Guid importId, CancellationToken cancellationToken = default) =>
        GetAsync<ImportJob>($"api/inventory/imports/{importId}", cancellationToken);

    public Task<Handover> HandOverAsync(NewHandover handover, CancellationToken cancellationToken = default) =>
        PostAsync<Handover>("api/inventory/handovers", handover, cancellationToken);

    public Task<Page<Asset>> ListAssetsAsync(Guid? grantId = null, Guid? contractId = null, string? status = null, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default, string? crossingPointCode = null) =>
        GetAsync<Page<Asset>>("api/inventory/assets" + Query(("grantId", grantId), ("contractId", contractId), ("status", status), ("crossingPointCode", crossingPointCode),
            ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Asset> GetAssetAsync(Guid assetId, CancellationToken cancellationToken = default) =>
        GetAsync<Asset>($"api/inventory/assets/{assetId}", cancellationToken);

    public Task<Asset> DeployAsync(Guid assetId, string crossingPointCode, DateOnly deployedOn, CancellationToken cancellationToken = default) =>
        PostAsync<Asset>($"api/inventory/assets/{assetId}/deployment", new { crossingPointCode, deployedOn }, cancellationToken);

    public Task<Asset> TransferAsync(Guid assetId, string toCrossingPointCode, DateOnly transferredOn, string reason, CancellationToken cancellationToken = default) =>
        PostAsync<Asset>($"api/inventory/assets/{assetId}/transfer", new { toCrossingPointCode, transferredOn, reason }, cancellationToken);

    public Task<Asset> DisposeAsync(Guid assetId, string kind, DateOnly on, string reason, string evidenceReference, CancellationToken cancellationToken = default) =>
        PostAsync<Asset>($"api/inventory/assets/{assetId}/disposal", new { kind, on, reason, evidenceReference }, cancellationToken);
}

public sealed record Warehouse(string Code, string Name, string CountryCode, string Address);

public sealed record ImportJob(Guid Id, Guid ShipmentId, string Status, int TotalRows, int ProcessedRows, IReadOnlyList<ImportError> Errors, Guid? GoodsReceivedNoteId);

public sealed record ImportError(int Line, string Field, string Message);

public sealed record Locations(IReadOnlyList<Warehouse> Warehouses, IReadOnlyList<AgreedLocation> CrossingPoints);

public sealed record AgreedLocation(Guid GrantId, string GrantReference, CrossingPoint CrossingPoint);

public sealed record Passport(Asset Asset, Guid? TenderId, string ContractReference, IReadOnlyList<PassportEntry> Timeline);

public sealed record PassportEntry(DateTime At, string Source, string Kind, string Detail);

public sealed record ExpectedDelivery(
    Guid Id, Guid ContractId, string ContractReference, int ContractLineNumber, Guid GrantId, string DonorCode, string SupplierName,
    string ItemCategory, string Description, int QuantityExpected, int QuantityShipped, int QuantityAccepted, int QuantityRejected, int QuantityOutstanding,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly DeliveryDeadline, int WarrantyMonths);

public sealed record NewShipment(string WaybillNumber, string Carrier, DateOnly DispatchedOn, DateOnly EstimatedArrival, IReadOnlyList<NewShipmentLine> Lines);

public sealed record NewShipmentLine(Guid ExpectedDeliveryId, int Quantity);

public sealed record Shipment(Guid Id, string WaybillNumber, string Carrier, Guid ContractId, string ContractReference, Guid GrantId, string Status,
    DateOnly DispatchedOn, DateOnly EstimatedArrival, DateOnly? ArrivedOn, string? WarehouseCode, IReadOnlyList<ShipmentLine> Lines);

public sealed record ShipmentLine(Guid ExpectedDeliveryId, int ContractLineNumber, int Quantity);

public sealed record GoodsReceipt(DateOnly ReceivedOn, IReadOnlyList<ReceiptLine> Lines);

public sealed record ReceiptLine(int ContractLineNumber, IReadOnlyList<ReceivedUnit> Units, int RejectedQuantity = 0, string? RejectionReason = null);

public sealed record ReceivedUnit(string SerialNumber, string Manufacturer, string Model, bool VisibilityMarking, string? VisibilityEvidence = null);

public sealed record GoodsReceived(Guid Id, string Number, Guid ShipmentId, DateOnly ReceivedOn, DateOnly? AcceptedOn, IReadOnlyList<Asset> Assets);

public sealed record NewHandover(DateOnly HandedOverOn, string Place, Representative From, string ToAuthority, Representative To, IReadOnlyList<Guid> AssetIds);

public sealed record Representative(string Name, string Role);

public sealed record Handover(Guid Id, string Number, Guid GrantId, DateOnly HandedOverOn, string Place, string FromParty, string ToAuthority);

public sealed record Asset(
    Guid Id, string SerialNumber, string Manufacturer, string Model, string ItemCategory, string Description, Guid GrantId, string DonorCode,
    Guid ContractId, string ContractReference, int ContractLineNumber, string SupplierName, decimal UnitValue, string Currency,
    DateOnly ReceivedOn, DateOnly? AcceptedOn, DateOnly WarrantyEndsOn, bool VisibilityMarking, string Status, string Owner,
    string? WarehouseCode, string? CrossingPointCode, DateOnly? DeployedOn);
