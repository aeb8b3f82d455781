using Equipment.BuildingBlocks.Contracts;
using Equipment.Maintenance.Contracts.Api;
using Refit;

namespace Equipment.ApiClient;

/// <summary><c>/api/maintenance</c>: maintained assets, plans, faults, work orders, warranty claims, status, availability, usage.</summary>
public interface IMaintenanceApi
{
    [Get("/api/maintenance/assets")]
    Task<Page<MaintainedAssetResponse>> ListAssetsAsync(string? crossingPointCode = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/work-orders")]
    Task<IReadOnlyList<WorkOrderResponse>> ListWorkOrdersAsync(Guid? assetId = null, WorkOrderStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>The work-order list with the asset's serial and place and the fault's symptom: open or history, filters, text, sort, paging.</summary>
    [Get("/api/maintenance/work-orders/search")]
    Task<Page<WorkOrderRow>> SearchWorkOrdersAsync(bool? open = null, WorkOrderStatus? status = null, WorkOrderKind? kind = null, string? crossingPointCode = null,
        Guid? assetId = null, string? q = null, string? sort = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/work-orders/{workOrderId}")]
    Task<WorkOrderResponse> GetWorkOrderAsync(Guid workOrderId, CancellationToken cancellationToken = default);

    /// <summary>Who changed a record of maintenance, when, what (<c>WorkOrder</c>, <c>FaultReport</c>, <c>MaintainedAsset</c> …), oldest first; technicians and administrators.</summary>
    [Get("/api/maintenance/audit/{entityType}/{id}")]
    Task<IReadOnlyList<AuditEntryResponse>> GetAuditTrailAsync(string entityType, string id, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/overdue")]
    Task<IReadOnlyList<OverdueResponse>> ListOverdueAsync([Query(Format = "yyyy-MM-dd")] DateOnly? on = null, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/plans")]
    Task<MaintenancePlanResponse> DefinePlanAsync([Body] DefinePlanRequest request, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/plans")]
    Task<IReadOnlyList<MaintenancePlanResponse>> ListPlansAsync(CancellationToken cancellationToken = default);

    [Post("/api/maintenance/assets/{assetId}/faults")]
    Task<FaultReportResponse> ReportFaultAsync(Guid assetId, [Body] ReportFaultRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/work-orders")]
    Task<WorkOrderResponse> OpenWorkOrderAsync([Body] OpenWorkOrderRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/work-orders/{workOrderId}/schedule")]
    Task<WorkOrderResponse> ScheduleAsync(Guid workOrderId, [Body] ScheduleWorkOrderRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/work-orders/{workOrderId}/start")]
    Task<WorkOrderResponse> StartAsync(Guid workOrderId, [Body] StartWorkOrderRequest? body = null, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/work-orders/{workOrderId}/completion")]
    Task<WorkOrderResponse> CompleteAsync(Guid workOrderId, [Body] CompleteWorkOrderRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/work-orders/{workOrderId}/cancellation")]
    Task<WorkOrderResponse> CancelAsync(Guid workOrderId, [Body] CancelWorkOrderRequest request, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/warranty-claims")]
    Task<IReadOnlyList<WarrantyClaimResponse>> ListWarrantyClaimsAsync(CancellationToken cancellationToken = default);

    [Get("/api/maintenance/warranty-claims/{claimId}")]
    Task<WarrantyClaimResponse> GetWarrantyClaimAsync(Guid claimId, CancellationToken cancellationToken = default);

    /// <summary>A claim raised by hand on a work order that has none (the asset under warranty on the day it was opened).</summary>
    [Post("/api/maintenance/work-orders/{workOrderId}/warranty-claim")]
    Task<WarrantyClaimResponse> RaiseWarrantyClaimAsync(Guid workOrderId, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/warranty-claims/{claimId}/decision")]
    Task<WarrantyClaimResponse> DecideClaimAsync(Guid claimId, [Body] DecideWarrantyClaimRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/warranty-claims/{claimId}/resolution")]
    Task<WarrantyClaimResponse> ResolveClaimAsync(Guid claimId, [Body] ResolveWarrantyClaimRequest request, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/assets/{assetId}/status")]
    Task<StatusChangeResponse> ChangeStatusAsync(Guid assetId, [Body] ChangeStatusRequest request, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/assets/{assetId}/status-history")]
    Task<IReadOnlyList<StatusChangeResponse>> GetStatusHistoryAsync(Guid assetId, CancellationToken cancellationToken = default);

    /// <summary>Mean time between failures and to repair, in days, grouped <paramref name="by"/> model or crossingPoint.</summary>
    [Get("/api/maintenance/reliability")]
    Task<IReadOnlyList<ReliabilityResponse>> GetReliabilityAsync(string? by = null, CancellationToken cancellationToken = default);

    /// <summary>Availability over [from, to), grouped <paramref name="by"/> asset, crossingPoint or grant.</summary>
    [Get("/api/maintenance/availability")]
    Task<IReadOnlyList<AvailabilityResponse>> GetAvailabilityAsync([Query(Format = "o")] DateTime from, [Query(Format = "o")] DateTime to, string? by = null,
        CancellationToken cancellationToken = default);

    [Get("/api/maintenance/assets/{assetId}/usage")]
    Task<Page<UsageLogResponse>> ListUsageAsync(Guid assetId, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Post("/api/maintenance/assets/{assetId}/usage")]
    Task<UsageLogResponse> RecordUsageAsync(Guid assetId, [Body] RecordUsageRequest request, CancellationToken cancellationToken = default);

    /// <summary>What needs the caller's attention among the facts this service owns, most urgent first.</summary>
    [Get("/api/maintenance/attention")]
    Task<Page<AttentionItem>> GetAttentionAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/work-orders/{workOrderId}/attachments")]
    Task<IReadOnlyList<AttachmentResponse>> ListWorkOrderEvidenceAsync(Guid workOrderId, CancellationToken cancellationToken = default);

    /// <summary>A photo or document of the job (multipart/form-data 'file'), while it is open.</summary>
    [Multipart]
    [Post("/api/maintenance/work-orders/{workOrderId}/attachments")]
    Task<AttachmentResponse> AttachWorkOrderEvidenceAsync(Guid workOrderId, [AliasAs("file")] StreamPart file, [AliasAs("subjectId")] string subjectId = "",
        CancellationToken cancellationToken = default);

    [Delete("/api/maintenance/work-orders/{workOrderId}/attachments/{attachmentId}")]
    Task RemoveWorkOrderEvidenceAsync(Guid workOrderId, Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>The photos of one asset's jobs (its donor's, for a monitor), newest first.</summary>
    [Get("/api/maintenance/attachments")]
    Task<Page<AttachmentResponse>> ListAssetEvidenceAsync(Guid subjectId, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/maintenance/attachments/{attachmentId}")]
    Task<HttpResponseMessage> DownloadAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default);
}
