namespace Equipment.BuildingBlocks.Data;

/// <summary>
/// One state change of an aggregate, as the audit trail keeps it: who (user and role), when, what (entity, id, action,
/// the fields that changed) and the request's correlation id. Append-only: a change to or deletion of an entry is refused.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string User { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string ChangedFields { get; private set; } = "";
    public string? CorrelationId { get; private set; }

    public static AuditEntry Record(DateTime at, string user, string role, string entityType, string entityId, string action, IEnumerable<string> changedFields, string? correlationId) => new()
    {
        At = at, User = user, Role = role, EntityType = entityType, EntityId = entityId, Action = action,
        ChangedFields = string.Join(',', changedFields), CorrelationId = correlationId,
    };
}
