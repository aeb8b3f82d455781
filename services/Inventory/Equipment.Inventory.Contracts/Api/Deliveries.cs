namespace Equipment.Inventory.Contracts.Api;

/// <summary>A contract line awaited, with what was shipped, accepted and rejected so far.</summary>
public sealed record ExpectedDeliveryResponse(
    Guid Id, Guid ContractId, string ContractReference, int ContractLineNumber, Guid GrantId, string DonorCode, string SupplierName,
    string ItemCategory, string Description, int QuantityExpected, int QuantityShipped, int QuantityAccepted, int QuantityRejected, int QuantityOutstanding,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly DeliveryDeadline, int WarrantyMonths);

/// <summary><c>POST /shipments</c>: waybill, carrier, ETA and the contract lines it carries.</summary>
public sealed record DispatchShipmentRequest(string WaybillNumber, string Carrier, DateOnly? DispatchedOn, DateOnly? EstimatedArrival, IReadOnlyList<DispatchShipmentLine>? Lines);

public sealed record DispatchShipmentLine(Guid? ExpectedDeliveryId, int? Quantity);

/// <summary><c>POST /shipments/{shipmentId}/arrival</c>.</summary>
public sealed record RecordArrivalRequest(DateOnly? ArrivedOn, string? WarehouseCode);

public sealed record ShipmentLine(Guid ExpectedDeliveryId, int ContractLineNumber, int Quantity);

public sealed record ShipmentResponse(
    Guid Id, string WaybillNumber, string Carrier, Guid ContractId, string ContractReference, Guid GrantId, ShipmentStatus Status,
    DateOnly DispatchedOn, DateOnly EstimatedArrival, DateOnly? ArrivedOn, string? WarehouseCode, IReadOnlyList<ShipmentLine> Lines);

/// <summary><c>POST /shipments/{shipmentId}/receipts</c>: the goods received note, per contract line.</summary>
public sealed record ReceiveGoodsRequest(DateOnly? ReceivedOn, IReadOnlyList<GoodsReceiptLine>? Lines);

public sealed record GoodsReceiptLine(int? ContractLineNumber, IReadOnlyList<GoodsReceiptUnit>? Units, int? RejectedQuantity = 0, string? RejectionReason = null);

public sealed record GoodsReceiptUnit(string SerialNumber, string Manufacturer, string Model, bool? VisibilityMarking, string? VisibilityEvidence = null);

/// <summary>A line of a goods received note as recorded.</summary>
public sealed record ReceiptLine(int ContractLineNumber, int AcceptedQuantity, int RejectedQuantity, string? RejectionReason);

public sealed record GoodsReceivedResponse(Guid Id, string Number, Guid ShipmentId, DateOnly ReceivedOn, DateOnly? AcceptedOn, IReadOnlyList<ReceiptLine> Lines,
    IReadOnlyList<AssetResponse> Assets);

/// <summary><c>POST /goods-received-notes/{noteId}/acceptance</c>.</summary>
public sealed record AcceptGoodsRequest(DateOnly? AcceptedOn);

public sealed record AcceptanceResponse(Guid Id, string Number, DateOnly ReceivedOn, DateOnly AcceptedOn, int Assets);

/// <summary>A bulk import's progress and, if any row was wrong, every wrong row.</summary>
public sealed record ImportResponse(Guid Id, Guid ShipmentId, ImportStatus Status, int TotalRows, int ProcessedRows, IReadOnlyList<ImportError> Errors,
    Guid? GoodsReceivedNoteId, DateTime CreatedAt, DateTime? CompletedAt);

public sealed record ImportError(int Line, string Field, string Message);

/// <summary>A goods received note as the history lists it (<c>GET /goods-received-notes</c>): its shipment, where and when, what was accepted and rejected.</summary>
public sealed record GoodsReceivedNoteSummary(
    Guid Id, string Number, Guid ShipmentId, string WaybillNumber, Guid ContractId, string ContractReference, string WarehouseCode, DateOnly ReceivedOn,
    string ReceivedBy, DateOnly? AcceptedOn, bool AcceptanceDeemed, int AcceptedQuantity, int RejectedQuantity);
