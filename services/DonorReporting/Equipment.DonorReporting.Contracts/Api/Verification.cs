namespace Equipment.DonorReporting.Contracts.Api;

/// <summary>How much each risk factor weighs in the sample.</summary>
public sealed record SampleWeights(double Value, double TimeSinceLastVisit, double EarlierFindings);

/// <summary><c>POST /grants/{grantId}/visits</c>: a risk-based sample (<c>Seed</c> makes it reproducible).</summary>
public sealed record PlanVisitRequest(string? CrossingPointCode, DateOnly? PlannedFor, int? SampleSize, int? Seed = null, SampleWeights? Weights = null);

/// <summary>What the monitor saw of one asset.</summary>
public sealed record AssetObservation(Guid AssetId, Finding Finding, bool SignsOfUse, bool VisibilityMarking, string? PhotoReference,
    double? Latitude, double? Longitude, DateTime ObservedAt, string? Note = null);

/// <summary>An action a visit asks for; open until it is marked done (<c>POST /visits/{visitId}/follow-ups/{number}/completion</c>).</summary>
public sealed record FollowUp(string Action, string Owner, DateOnly DueOn, DateOnly? DoneOn = null, string? DoneBy = null, string? Outcome = null)
{
    public bool IsOpen => DoneOn is null;
}

/// <summary><c>POST /visits/{visitId}/follow-ups/{number}/completion</c>: the follow-up (numbered from 1) is done.</summary>
public sealed record CompleteFollowUpRequest(DateOnly? DoneOn, string Outcome);

/// <summary><c>POST /visits/{visitId}/findings</c>: a finding per sampled asset, and follow-ups.</summary>
public sealed record RecordVisitRequest(DateOnly? VisitedOn, IReadOnlyList<AssetObservation>? Findings, IReadOnlyList<FollowUp>? FollowUps = null);

/// <summary>
/// <c>PUT /visits/{visitId}/findings/{assetId}</c>: what was found of one sampled asset, saved as soon as it is seen (again to
/// correct it) until the visit is completed. Its position from the phone's geolocation or typed; photos go to
/// <c>…/findings/{assetId}/attachments</c>.
/// </summary>
public sealed record SaveFindingRequest(Finding? Finding, bool? SignsOfUse, bool? VisibilityMarking, double? Latitude = null, double? Longitude = null,
    DateTime? ObservedAt = null, string? Note = null, string? PhotoReference = null);

/// <summary><c>POST /visits/{visitId}/completion</c>: every sampled asset has its finding; the visit is recorded on that day, with its follow-ups.</summary>
public sealed record CompleteVisitRequest(DateOnly? VisitedOn, IReadOnlyList<FollowUp>? FollowUps = null);

/// <summary>A sampled asset's photo on receipt: an attachment inventory keeps with its goods received note (<c>GET /api/inventory/attachments/{AttachmentId}</c>).</summary>
public sealed record ReceiptPhoto(Guid AssetId, Guid AttachmentId);

/// <summary>A visit; <c>ReceiptPhotos</c> (on <c>GET /visits/{visitId}</c>) are the sampled assets' photos from receipt, as inventory announced them.</summary>
public sealed record VisitResponse(
    Guid Id, Guid GrantId, string DonorCode, string? CrossingPointCode, DateOnly PlannedFor, string Monitor, int Seed, SampleWeights Weights,
    IReadOnlyList<Guid> SampledAssetIds, VisitStatus Status, DateOnly? VisitedOn, IReadOnlyList<AssetObservation> Findings, IReadOnlyList<FollowUp> FollowUps,
    IReadOnlyList<ReceiptPhoto>? ReceiptPhotos = null);

/// <summary><c>POST /grants/{grantId}/allegations</c>.</summary>
public sealed record ReportAllegationRequest(Guid? AssetId, string ReportedBy, string Allegation);

/// <summary><c>POST /allegations/{allegationId}/status</c>.</summary>
public sealed record UpdateAllegationRequest(AllegationStatus? Status, string? Outcome = null);

public sealed record AllegationResponse(
    Guid Id, Guid GrantId, string DonorCode, Guid? AssetId, string ReportedBy, string Allegation, DateTime ReceivedAt, AllegationStatus Status, string? Outcome);
