namespace Equipment.Inventory.Contracts.Api;

/// <summary><c>POST /handovers</c>: a handover certificate to the beneficiary authority for assets of one grant.</summary>
public sealed record HandOverAssetsRequest(DateOnly? HandedOverOn, string Place, Representative? From, string ToAuthority, Representative? To, IReadOnlyList<Guid>? AssetIds);

public sealed record Representative(string Name, string Role);

public sealed record HandoverResponse(Guid Id, string Number, Guid GrantId, DateOnly HandedOverOn, string Place, string FromParty, string FromRepresentativeName,
    string FromRepresentativeRole, string ToAuthority, string ToRepresentativeName, string ToRepresentativeRole, IReadOnlyList<HandedOverAsset> Assets,
    DateOnly? SignedOn = null);

/// <summary><c>POST /handovers/{handoverId}/signature</c>: the printed certificate was signed by both parties on that day (its signed scan attached first).</summary>
public sealed record RecordSignatureRequest(DateOnly? SignedOn);

public sealed record HandedOverAsset(Guid Id, string ItemCategory, string Description, string Manufacturer, string Model, string SerialNumber, decimal UnitValue,
    string Currency, bool VisibilityMarking);

/// <summary>A handover certificate as the history lists it (<c>GET /handovers</c>).</summary>
public sealed record HandoverSummary(Guid Id, string Number, Guid GrantId, DateOnly HandedOverOn, string Place, string FromParty, string ToAuthority, int AssetCount);
