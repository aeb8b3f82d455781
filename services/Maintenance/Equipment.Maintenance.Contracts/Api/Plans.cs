using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts.Api;

/// <summary><c>POST /plans</c>: the preventive plan of an item category.</summary>
public sealed record DefinePlanRequest(string ItemCategory, int? IntervalDays, int? IntervalUsageHours, int? IntervalKm, IReadOnlyList<string>? Checklist);

public sealed record MaintenancePlanResponse(string ItemCategory, int IntervalDays, int? IntervalUsageHours, int? IntervalKm, IReadOnlyList<string> Checklist);

/// <summary>Preventive maintenance overdue: when it was due, when last done, and why it is overdue.</summary>
public sealed record OverdueResponse(Guid AssetId, string SerialNumber, string ItemCategory, string? CrossingPointCode, DateOnly DueOn, DateOnly? LastDoneOn, string Why,
    IReadOnlyList<Words> Reasons);
