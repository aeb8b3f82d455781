using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Refit;

namespace Equipment.ApiClient;

/// <summary><c>/api/reporting</c>: donors, grants and their versions and disbursements, grant summaries, reports, verification, allegations.</summary>
public interface IReportingApi
{
    [Post("/api/reporting/donors")]
    Task<DonorResponse> RegisterDonorAsync([Body] RegisterDonorRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/donors")]
    Task<IReadOnlyList<DonorResponse>> ListDonorsAsync(CancellationToken cancellationToken = default);

    [Post("/api/reporting/grants")]
    Task<GrantResponse> RegisterGrantAsync([Body] RegisterGrantRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants")]
    Task<Page<GrantResponse>> ListGrantsAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>The grant and its figures: budget, funnel, lead time, availability, verification coverage, indicators.</summary>
    [Get("/api/reporting/grants/{grantId}")]
    Task<GrantReport> GetGrantAsync(Guid grantId, CancellationToken cancellationToken = default);

    [Post("/api/reporting/grants/{grantId}/amendments")]
    Task<GrantResponse> AmendGrantAsync(Guid grantId, [Body] AmendGrantRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/versions")]
    Task<IReadOnlyList<GrantVersionResponse>> ListGrantVersionsAsync(Guid grantId, CancellationToken cancellationToken = default);

    [Post("/api/reporting/grants/{grantId}/disbursements")]
    Task<DisbursementResponse> RecordDisbursementAsync(Guid grantId, [Body] RecordDisbursementRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/disbursements")]
    Task<IReadOnlyList<DisbursementResponse>> ListDisbursementsAsync(Guid grantId, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/report.csv")]
    Task<HttpResponseMessage> DownloadReportCsvAsync(Guid grantId, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/report.xlsx")]
    Task<HttpResponseMessage> DownloadReportXlsxAsync(Guid grantId, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/report.html")]
    Task<HttpResponseMessage> DownloadReportHtmlAsync(Guid grantId, CancellationToken cancellationToken = default);

    /// <summary>The IATI 2.03 activities file.</summary>
    [Get("/api/reporting/iati/activities")]
    Task<HttpResponseMessage> DownloadIatiActivitiesAsync(CancellationToken cancellationToken = default);

    [Post("/api/reporting/grants/{grantId}/visits")]
    Task<VisitResponse> PlanVisitAsync(Guid grantId, [Body] PlanVisitRequest request, CancellationToken cancellationToken = default);

    /// <summary>The visits of a grant or of every grant the caller sees, found by <paramref name="q"/> (crossing point, monitor), sorted (<c>-plannedFor</c>, <c>visitedOn</c>, <c>crossingPoint</c> …) and paged.</summary>
    [Get("/api/reporting/visits")]
    Task<Page<VisitResponse>> ListVisitsAsync(Guid? grantId = null, VisitStatus? status = null, string? q = null, string? sort = null, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default);

    /// <summary>The grant's assets that their place's latest stock-take did not find.</summary>
    [Get("/api/reporting/grants/{grantId}/missing-items")]
    Task<Page<MissingItemResponse>> ListMissingItemsAsync(Guid grantId, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    [Get("/api/reporting/visits/{visitId}")]
    Task<VisitResponse> GetVisitAsync(Guid visitId, CancellationToken cancellationToken = default);

    [Post("/api/reporting/visits/{visitId}/findings")]
    Task<VisitResponse> RecordVisitAsync(Guid visitId, [Body] RecordVisitRequest request, CancellationToken cancellationToken = default);

    /// <summary>Follow-up <paramref name="number"/> (from 1) of a recorded visit is done.</summary>
    [Post("/api/reporting/visits/{visitId}/follow-ups/{number}/completion")]
    Task<VisitResponse> CompleteFollowUpAsync(Guid visitId, int number, [Body] CompleteFollowUpRequest request, CancellationToken cancellationToken = default);

    [Post("/api/reporting/grants/{grantId}/allegations")]
    Task<AllegationResponse> ReportAllegationAsync(Guid grantId, [Body] ReportAllegationRequest request, CancellationToken cancellationToken = default);

    [Post("/api/reporting/allegations/{allegationId}/status")]
    Task<AllegationResponse> UpdateAllegationAsync(Guid allegationId, [Body] UpdateAllegationRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/grants/{grantId}/allegations")]
    Task<IReadOnlyList<AllegationResponse>> ListAllegationsAsync(Guid grantId, CancellationToken cancellationToken = default);

    /// <summary>What needs the caller's attention among the facts this service owns, most urgent first.</summary>
    [Get("/api/reporting/attention")]
    Task<Page<AttentionItem>> GetAttentionAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Who changed a record of reporting, when, what (<c>Grant</c>, <c>Donor</c>, <c>VerificationVisit</c> …), oldest first; administrators.</summary>
    [Get("/api/reporting/audit/{entityType}/{id}")]
    Task<IReadOnlyList<AuditEntryResponse>> GetAuditTrailAsync(string entityType, string id, CancellationToken cancellationToken = default);

    /// <summary>What was found of one sampled asset, saved as soon as it is seen (again to correct it) until the visit is completed.</summary>
    [Put("/api/reporting/visits/{visitId}/findings/{assetId}")]
    Task<VisitResponse> SaveFindingAsync(Guid visitId, Guid assetId, [Body] SaveFindingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes a visit whose sampled assets all have their finding.</summary>
    [Post("/api/reporting/visits/{visitId}/completion")]
    Task<VisitResponse> CompleteVisitAsync(Guid visitId, [Body] CompleteVisitRequest request, CancellationToken cancellationToken = default);

    [Get("/api/reporting/visits/{visitId}/findings/{assetId}/attachments")]
    Task<IReadOnlyList<AttachmentResponse>> ListFindingEvidenceAsync(Guid visitId, Guid assetId, CancellationToken cancellationToken = default);

    /// <summary>A photo of a finding (multipart/form-data 'file'), while the visit is open.</summary>
    [Multipart]
    [Post("/api/reporting/visits/{visitId}/findings/{assetId}/attachments")]
    Task<AttachmentResponse> AttachFindingEvidenceAsync(Guid visitId, Guid assetId, [AliasAs("file")] StreamPart file, [AliasAs("subjectId")] string subjectId = "",
        CancellationToken cancellationToken = default);

    [Delete("/api/reporting/visits/{visitId}/findings/{assetId}/attachments/{attachmentId}")]
    Task RemoveFindingEvidenceAsync(Guid visitId, Guid assetId, Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>The verification photos of one asset (its donor's, for a monitor), newest first.</summary>
    [Get("/api/reporting/attachments")]
    Task<Page<AttachmentResponse>> ListAssetEvidenceAsync(Guid subjectId, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>The photos of every finding of a visit, in one answer.</summary>
    [Get("/api/reporting/attachments?recordType=Finding")]
    Task<Page<AttachmentResponse>> ListVisitEvidenceAsync([AliasAs("recordIdStartsWith")] Guid visitId, int? page = null, int? pageSize = null,
        CancellationToken cancellationToken = default);

    [Get("/api/reporting/attachments/{attachmentId}")]
    Task<HttpResponseMessage> DownloadAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default);
}
