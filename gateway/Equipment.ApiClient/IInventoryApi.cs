using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts.Api;
using Refit;

namespace Equipment.ApiClient;

/// <summary><c>/api/inventory</c>: locations, expected deliveries, shipments, receipts, handovers, assets and their custody.</summary>
public interface IInventoryApi
{
    [Post("/api/inventory/warehouses")]
    Task<WarehouseResponse> RegisterWarehouseAsync([Body] RegisterWarehouseRequest request, CancellationToken cancellationToken = default);

    [Get("/api/inventory/locations")]
    Task<LocationsResponse> ListLocationsAsync(CancellationToken cancellationToken = default);

    [Get("/api/inventory/expected-deliveries")]
    Task<Page<ExpectedDeliveryResponse>> ListExpectedDeliveriesAsync(Guid? contractId = null, Guid? grantId = null, int? page = null, int? pageSize = null,
        bool? outstanding = null, string? q = null, string? sort = null, bool? overdue = null, string? destination = null, CancellationToken cancellationToken = default);

    /// <summary>Every shipment, filtered, found by <paramref name="q"/> (waybill, contract, carrier), sorted (<c>-dispatchedOn</c>, <c>waybill</c>, <c>estimatedArrival</c> …) and paged.</summary>
    [Get("/api/inventory/shipments")]
    Task<Page<ShipmentResponse>> ListShipmentsAsync(Guid? contractId = null, ShipmentStatus? status = null, string? q = null, string? sort = null,
        int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/inventory/shipments/{shipmentId}")]
    Task<ShipmentResponse> GetShipmentAsync(Guid shipmentId, CancellationToken cancellationToken = default);

    [Post("/api/inventory/shipments")]
    Task<ShipmentResponse> DispatchAsync([Body] DispatchShipmentRequest request, CancellationToken cancellationToken = default);

    [Post("/api/inventory/shipments/{shipmentId}/transit")]
    Task<ShipmentResponse> MarkInTransitAsync(Guid shipmentId, CancellationToken cancellationToken = default);

    [Post("/api/inventory/shipments/{shipmentId}/arrival")]
    Task<ShipmentResponse> ArriveAsync(Guid shipmentId, [Body] RecordArrivalRequest request, CancellationToken cancellationToken = default);

    [Post("/api/inventory/shipments/{shipmentId}/receipts")]
    Task<GoodsReceivedResponse> ReceiveAsync(Guid shipmentId, [Body] ReceiveGoodsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a bulk goods receipt from CSV (<c>text/csv</c>, columns as in the API); poll <see cref="GetImportAsync"/> for its progress.</summary>
    [Post("/api/inventory/shipments/{shipmentId}/receipts/import")]
    Task<ImportResponse> ImportReceiptsAsync(Guid shipmentId, [Query(Format = "yyyy-MM-dd")] DateOnly receivedOn, [Body] HttpContent csv,
        CancellationToken cancellationToken = default);

    [Get("/api/inventory/imports/{importId}")]
    Task<ImportResponse> GetImportAsync(Guid importId, CancellationToken cancellationToken = default);

    /// <summary>The goods received notes, of one shipment or all, found by <paramref name="q"/> (number, waybill, contract, warehouse), sorted (<c>-receivedOn</c>, <c>number</c> …) and paged.</summary>
    [Get("/api/inventory/goods-received-notes")]
    Task<Page<GoodsReceivedNoteSummary>> ListGoodsReceivedNotesAsync(Guid? shipmentId = null, string? q = null, string? sort = null, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default);

    [Get("/api/inventory/goods-received-notes/{noteId}")]
    Task<GoodsReceivedResponse> GetGoodsReceivedNoteAsync(Guid noteId, CancellationToken cancellationToken = default);

    /// <summary>The printable goods received note (HTML), streamed; not thrown on a refusal: read its status.</summary>
    [Get("/api/inventory/goods-received-notes/{noteId}/note.html")]
    Task<HttpResponseMessage> DownloadGoodsReceivedNoteAsync(Guid noteId, CancellationToken cancellationToken = default);

    [Post("/api/inventory/goods-received-notes/{noteId}/acceptance")]
    Task<AcceptanceResponse> AcceptGoodsAsync(Guid noteId, [Body] AcceptGoodsRequest request, CancellationToken cancellationToken = default);

    [Post("/api/inventory/handovers")]
    Task<HandoverResponse> HandOverAsync([Body] HandOverAssetsRequest request, CancellationToken cancellationToken = default);

    /// <summary>The handover certificates, found by <paramref name="q"/> (number, authority, place, a shipment's waybill) or of one shipment's goods, sorted (<c>-handedOverOn</c>, <c>number</c>, <c>authority</c> …) and paged.</summary>
    [Get("/api/inventory/handovers")]
    Task<Page<HandoverSummary>> ListHandoversAsync(Guid? shipmentId = null, string? q = null, string? sort = null, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default);

    [Get("/api/inventory/handovers/{handoverId}")]
    Task<HandoverResponse> GetHandoverAsync(Guid handoverId, CancellationToken cancellationToken = default);

    /// <summary>The printable handover certificate (HTML), streamed; not thrown on a refusal: read its status.</summary>
    [Get("/api/inventory/handovers/{handoverId}/certificate.html")]
    Task<HttpResponseMessage> DownloadHandoverCertificateAsync(Guid handoverId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets")]
    Task<Page<AssetResponse>> ListAssetsAsync(Guid? grantId = null, Guid? contractId = null, AssetStatus? status = null, int? page = null, int? pageSize = null,
        string? crossingPointCode = null, string? category = null, string? serial = null, string? sort = null, CancellationToken cancellationToken = default);

    /// <summary>The assets one term names (id or QR label address, serial, waybill, goods received note, contract or tender reference), paged.</summary>
    [Get("/api/inventory/assets/search")]
    Task<AssetSearchResponse> SearchAssetsAsync(string q, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>The register as CSV, same filters as <see cref="ListAssetsAsync"/>, streamed.</summary>
    [Get("/api/inventory/assets/export.csv")]
    Task<HttpResponseMessage> ExportAssetsAsync(Guid? grantId = null, Guid? contractId = null, AssetStatus? status = null, string? crossingPointCode = null,
        string? category = null, string? serial = null, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}")]
    Task<AssetResponse> GetAssetAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}/custody")]
    Task<IReadOnlyList<CustodyEntryResponse>> GetCustodyLogAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}/passport")]
    Task<PassportResponse> GetPassportAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}/label.svg")]
    Task<HttpResponseMessage> DownloadLabelSvgAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}/label.png")]
    Task<HttpResponseMessage> DownloadLabelPngAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Post("/api/inventory/assets/{assetId}/deployment")]
    Task<AssetResponse> DeployAsync(Guid assetId, [Body] DeployAssetRequest request, CancellationToken cancellationToken = default);

    [Post("/api/inventory/assets/{assetId}/transfer")]
    Task<AssetResponse> TransferAsync(Guid assetId, [Body] TransferAssetRequest request, CancellationToken cancellationToken = default);

    [Post("/api/inventory/assets/{assetId}/disposal")]
    Task<AssetResponse> DisposeAsync(Guid assetId, [Body] DisposeAssetRequest request, CancellationToken cancellationToken = default);

    [Get("/api/inventory/stock-takes")]
    Task<Page<StockTakeResponse>> ListStockTakesAsync(string? placeCode = null, StockTakeState? status = null, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default);

    [Post("/api/inventory/stock-takes")]
    Task<StockTakeResponse> OpenStockTakeAsync([Body] OpenStockTakeRequest request, CancellationToken cancellationToken = default);

    [Get("/api/inventory/stock-takes/{stockTakeId}")]
    Task<StockTakeResponse> GetStockTakeAsync(Guid stockTakeId, CancellationToken cancellationToken = default);

    /// <summary>One serial: 201 when counted, 200 with <see cref="ScanResponse.Duplicate"/> when it was scanned before in this count.</summary>
    [Post("/api/inventory/stock-takes/{stockTakeId}/scans")]
    Task<ScanResponse> ScanSerialAsync(Guid stockTakeId, [Body] ScanSerialRequest request, CancellationToken cancellationToken = default);

    [Get("/api/inventory/stock-takes/{stockTakeId}/results")]
    Task<StockTakeResultsResponse> GetStockTakeResultsAsync(Guid stockTakeId, CancellationToken cancellationToken = default);

    [Post("/api/inventory/stock-takes/{stockTakeId}/closure")]
    Task<StockTakeResultsResponse> CloseStockTakeAsync(Guid stockTakeId, CancellationToken cancellationToken = default);

    /// <summary>What needs the caller's attention among the facts this service owns, most urgent first.</summary>
    [Get("/api/inventory/attention")]
    Task<Page<AttentionItem>> GetAttentionAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Who changed a record of inventory, when, what (<c>Asset</c>, <c>Shipment</c>, <c>HandoverCertificate</c> …), oldest first; logistics officers and administrators.</summary>
    [Get("/api/inventory/audit/{entityType}/{id}")]
    Task<IReadOnlyList<AuditEntryResponse>> GetAuditTrailAsync(string entityType, string id, CancellationToken cancellationToken = default);

    // Evidence (multipart/form-data: 'file', and 'subjectId' for the unit a photo shows, empty for none). Downloads are streamed; read their status.

    [Get("/api/inventory/goods-received-notes/{noteId}/attachments")]
    Task<IReadOnlyList<AttachmentResponse>> ListGoodsReceivedEvidenceAsync(Guid noteId, CancellationToken cancellationToken = default);

    [Multipart]
    [Post("/api/inventory/goods-received-notes/{noteId}/attachments")]
    Task<AttachmentResponse> AttachGoodsReceivedEvidenceAsync(Guid noteId, [AliasAs("file")] StreamPart file, [AliasAs("subjectId")] string subjectId = "",
        CancellationToken cancellationToken = default);

    [Delete("/api/inventory/goods-received-notes/{noteId}/attachments/{attachmentId}")]
    Task RemoveGoodsReceivedEvidenceAsync(Guid noteId, Guid attachmentId, CancellationToken cancellationToken = default);

    [Get("/api/inventory/handovers/{handoverId}/attachments")]
    Task<IReadOnlyList<AttachmentResponse>> ListHandoverEvidenceAsync(Guid handoverId, CancellationToken cancellationToken = default);

    [Multipart]
    [Post("/api/inventory/handovers/{handoverId}/attachments")]
    Task<AttachmentResponse> AttachHandoverEvidenceAsync(Guid handoverId, [AliasAs("file")] StreamPart file, [AliasAs("subjectId")] string subjectId = "",
        CancellationToken cancellationToken = default);

    [Delete("/api/inventory/handovers/{handoverId}/attachments/{attachmentId}")]
    Task RemoveHandoverEvidenceAsync(Guid handoverId, Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>The printed certificate was signed (its signed scan attached first): its evidence is closed from then on.</summary>
    [Post("/api/inventory/handovers/{handoverId}/signature")]
    Task<HandoverResponse> RecordHandoverSignatureAsync(Guid handoverId, [Body] RecordSignatureRequest request, CancellationToken cancellationToken = default);

    [Get("/api/inventory/assets/{assetId}/disposal/attachments")]
    Task<IReadOnlyList<AttachmentResponse>> ListDisposalEvidenceAsync(Guid assetId, CancellationToken cancellationToken = default);

    [Multipart]
    [Post("/api/inventory/assets/{assetId}/disposal/attachments")]
    Task<AttachmentResponse> AttachDisposalEvidenceAsync(Guid assetId, [AliasAs("file")] StreamPart file, [AliasAs("subjectId")] string subjectId = "",
        CancellationToken cancellationToken = default);

    /// <summary>What inventory keeps that shows one asset (its receipt photos, its disposal's evidence, …), newest first.</summary>
    [Get("/api/inventory/attachments")]
    Task<Page<AttachmentResponse>> ListAssetEvidenceAsync(Guid subjectId, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/inventory/attachments/{attachmentId}")]
    Task<HttpResponseMessage> DownloadAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default);
}
