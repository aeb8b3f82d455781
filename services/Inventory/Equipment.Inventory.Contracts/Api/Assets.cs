using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts.Api;

/// <summary>An asset in the register.</summary>
public sealed record AssetResponse(
    Guid Id, string SerialNumber, string Manufacturer, string Model, string ItemCategory, string Description, Guid GrantId, string DonorCode,
    Guid ContractId, string ContractReference, int ContractLineNumber, string SupplierName, decimal UnitValue, string Currency,
    DateOnly ReceivedOn, DateOnly? AcceptedOn, DateOnly WarrantyEndsOn, bool VisibilityMarking, string? VisibilityEvidence,
    AssetStatus Status, string Owner, string? WarehouseCode, string? CrossingPointCode, DateOnly? DeployedOn, Guid? HandoverCertificateId,
    DateOnly? HandedOverOn = null, string? DestinationCrossingPointCode = null, string? DeploymentDeviationReason = null,
    DateOnly? LastSeenOn = null, string? LastSeenPlace = null, string? LastSeenBy = null);

/// <summary>
/// <c>POST /assets/{assetId}/deployment</c>: at one of the grant's agreed crossing points, not before the handover.
/// Elsewhere than the contract line's destination crossing point it is a deviation and needs <see cref="DeviationReason"/>.
/// </summary>
public sealed record DeployAssetRequest(string CrossingPointCode, DateOnly? DeployedOn, string? DeviationReason = null);

/// <summary><c>POST /assets/{assetId}/transfer</c>: to another agreed crossing point, with the reason.</summary>
public sealed record TransferAssetRequest(string ToCrossingPointCode, DateOnly? TransferredOn, string Reason);

/// <summary><c>POST /assets/{assetId}/disposal</c>: disposed of, lost or stolen, with the evidence.</summary>
public sealed record DisposeAssetRequest(DisposalKind? Kind, DateOnly? On, string Reason, string? EvidenceReference);

/// <summary>
/// One entry of an asset's append-only custody log. <see cref="FromWords"/>, <see cref="ToWords"/> and <see cref="WhyWords"/>
/// are <see cref="From"/>, <see cref="To"/> and <see cref="Why"/> as <see cref="Words"/> when the service wrote them
/// ("warehouse {0}", "Goods received note {0}"), for a client that says them in another language; null when the text is a
/// name, a code or what a user typed, to show as it is.
/// </summary>
public sealed record CustodyEntryResponse(long Id, Guid AssetId, DateOnly On, CustodyAction Action, string From, string To, string By, string Why, string? Reference,
    DateTime RecordedAt, Words? FromWords = null, Words? ToWords = null, Words? WhyWords = null);

/// <summary>The asset's passport: one timeline from its contract to verification findings.</summary>
/// <summary>An asset's passport; <c>GoodsReceivedNoteId</c> is the note that registered it (its evidence: the delivery note, the unit's photos).</summary>
public sealed record PassportResponse(AssetResponse Asset, Guid? TenderId, string ContractReference, IReadOnlyList<PassportEntry> Timeline, Guid? GoodsReceivedNoteId = null);

/// <summary>
/// One entry of the passport's timeline. <see cref="DetailWords"/> is <see cref="Detail"/> as <see cref="Words"/> (its
/// <see cref="Words.Text"/> is <see cref="Detail"/>), for a client that says it in another language; null for a note
/// recorded before the service kept its words: show <see cref="Detail"/>.
/// </summary>
public sealed record PassportEntry(DateTime At, string Source, string Kind, string Detail, Words? DetailWords = null);

/// <summary>What a search term was found as: the asset's id (a QR label's address), its serial, or a reference its goods came under.</summary>
public enum AssetMatch { Id, Serial, Shipment, GoodsReceivedNote, Contract, Tender }

/// <summary>
/// <c>GET /assets/search?q=</c>: the assets one term names, found in one step: the asset's id or its QR label's address,
/// its serial, a shipment's waybill, a goods received note's number, a contract's or a tender's reference (tried in that
/// order; the first kind that names an asset answers, as <see cref="MatchedBy"/>). None found: an empty page, MatchedBy null.
/// </summary>
public sealed record AssetSearchResponse(string Query, AssetMatch? MatchedBy, Page<AssetResponse> Assets);
