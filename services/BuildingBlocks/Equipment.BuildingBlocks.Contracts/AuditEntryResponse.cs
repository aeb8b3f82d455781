namespace Equipment.BuildingBlocks.Contracts;

/// <summary>One state change of a record: who (user, role), when, what (entity, id, action, fields changed), and the request's correlation id.</summary>
public sealed record AuditEntryResponse(
    DateTime At, string User, string Role, string EntityType, string EntityId, string Action, IReadOnlyList<string> ChangedFields, string? CorrelationId);
