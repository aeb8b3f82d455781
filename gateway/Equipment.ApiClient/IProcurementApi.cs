using Equipment.BuildingBlocks.Contracts;
using Equipment.Procurement.Contracts.Api;
using Refit;

namespace Equipment.ApiClient;

/// <summary><c>/api/procurement</c>: suppliers, requisitions, PRAG tenders from publication to award, contracts, OCDS.</summary>
public interface IProcurementApi
{
    [Get("/api/procurement/grants")]
    Task<IReadOnlyList<KnownGrantResponse>> ListKnownGrantsAsync(CancellationToken cancellationToken = default);

    [Get("/api/procurement/reference-data")]
    Task<ReferenceDataResponse> GetReferenceDataAsync([Query] string? edition = null, CancellationToken cancellationToken = default);

    [Get("/api/procurement/suppliers")]
    Task<Page<SupplierResponse>> ListSuppliersAsync(int? page = null, int? pageSize = null, string? q = null, string? country = null, string? sort = null,
        CancellationToken cancellationToken = default);

    [Post("/api/procurement/suppliers")]
    Task<SupplierResponse> RegisterSupplierAsync([Body] RegisterSupplierRequest request, CancellationToken cancellationToken = default);

    [Get("/api/procurement/requisitions")]
    Task<Page<RequisitionResponse>> ListRequisitionsAsync(Guid? grantId = null, RequisitionStatus? status = null, int? page = null, int? pageSize = null,
        string? q = null, string? sort = null, CancellationToken cancellationToken = default);

    [Post("/api/procurement/requisitions")]
    Task<RequisitionResponse> RaiseRequisitionAsync([Body] RaiseRequisitionRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/requisitions/{requisitionId}/cancellation")]
    Task<RequisitionResponse> CancelRequisitionAsync(Guid requisitionId, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders")]
    Task<TenderResponse> CreateTenderAsync([Body] CreateTenderRequest request, CancellationToken cancellationToken = default);

    [Get("/api/procurement/tenders/{tenderId}")]
    Task<TenderResponse> GetTenderAsync(Guid tenderId, CancellationToken cancellationToken = default);

    [Get("/api/procurement/tenders")]
    Task<Page<TenderResponse>> ListTendersAsync(Guid? grantId = null, int? page = null, int? pageSize = null, string? q = null, string? sort = null,
        CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/publication")]
    Task<TenderResponse> PublishAsync(Guid tenderId, [Body] PublishTenderRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/clarifications")]
    Task<TenderResponse> AskClarificationAsync(Guid tenderId, [Body] AskClarificationRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/clarifications/{number}/answer")]
    Task<TenderResponse> AnswerClarificationAsync(Guid tenderId, int number, [Body] AnswerClarificationRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/cancellation")]
    Task<TenderResponse> CancelAsync(Guid tenderId, [Body] CancelTenderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records or replaces the evaluation committee until a lot's bids are opened (then 409).</summary>
    [Put("/api/procurement/tenders/{tenderId}/evaluation-committee")]
    Task<TenderResponse> RecordEvaluationCommitteeAsync(Guid tenderId, [Body] RecordEvaluationCommitteeRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/bids")]
    Task<SealedBidResponse> SubmitBidAsync(Guid tenderId, int lotNumber, [Body] SubmitBidRequest request, CancellationToken cancellationToken = default);

    /// <summary>409 while the bids are sealed (until the submission deadline).</summary>
    [Get("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/bids")]
    Task<IReadOnlyList<BidResponse>> ListBidsAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default);

    /// <summary>Opens the lot's bids; 409 while the tender's edition asks for an evaluation committee that is not recorded.</summary>
    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/evaluation")]
    Task<TenderResponse> StartEvaluationAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/bids/{bidId}/evaluation")]
    Task<BidResponse> EvaluateBidAsync(Guid tenderId, Guid bidId, [Body] EvaluateBidRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/award-proposal")]
    Task<TenderResponse> ProposeAwardAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/standstill")]
    Task<TenderResponse> StartStandstillAsync(Guid tenderId, int lotNumber, [Body] StartStandstillRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/award")]
    Task<TenderResponse> DecideAwardAsync(Guid tenderId, int lotNumber, [Body] DecideAwardRequest request, CancellationToken cancellationToken = default);

    [Get("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/evaluation-report")]
    Task<EvaluationReport> GetEvaluationReportAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default);

    /// <summary>The printable evaluation report (HTML), streamed; not thrown on a refusal: read its status.</summary>
    [Get("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/evaluation-report.html")]
    Task<HttpResponseMessage> DownloadEvaluationReportAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default);

    [Post("/api/procurement/tenders/{tenderId}/lots/{lotNumber}/contract")]
    Task<ContractResponse> DraftContractAsync(Guid tenderId, int lotNumber, [Body] DraftContractRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/contracts/{contractId}/signature")]
    Task<ContractResponse> SignContractAsync(Guid contractId, [Body] SignContractRequest request, CancellationToken cancellationToken = default);

    [Post("/api/procurement/contracts/{contractId}/amendments")]
    Task<ContractResponse> AmendContractAsync(Guid contractId, [Body] AmendContractRequest request, CancellationToken cancellationToken = default);

    [Get("/api/procurement/contracts/{contractId}")]
    Task<ContractResponse> GetContractAsync(Guid contractId, CancellationToken cancellationToken = default);

    [Get("/api/procurement/contracts")]
    Task<Page<ContractResponse>> ListContractsAsync(Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Who changed a record of procurement, when, what (<c>Tender</c>, <c>Contract</c>, <c>Requisition</c> …), oldest first; officers and administrators.</summary>
    [Get("/api/procurement/audit/{entityType}/{id}")]
    Task<IReadOnlyList<AuditEntryResponse>> GetAuditTrailAsync(string entityType, string id, CancellationToken cancellationToken = default);

    /// <summary>The OCDS 1.1.5 release package, as the service wrote it.</summary>
    [Get("/api/procurement/ocds/releases")]
    Task<string> GetOcdsReleasePackageAsync(CancellationToken cancellationToken = default);

    /// <summary>What needs the caller's attention among the facts this service owns, most urgent first.</summary>
    [Get("/api/procurement/attention")]
    Task<Page<AttentionItem>> GetAttentionAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);
}
