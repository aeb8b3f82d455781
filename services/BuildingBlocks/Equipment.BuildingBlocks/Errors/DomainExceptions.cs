namespace Equipment.BuildingBlocks.Errors;

/// <summary>A state conflict: the entity is not in a state that allows the operation (409, names the current state).</summary>
public sealed class StateConflictException(string message, string currentState, IReadOnlyList<string>? allowed = null) : Exception(message)
{
    public string CurrentState { get; } = currentState;
    public IReadOnlyList<string> Allowed { get; } = allowed ?? [];
}

/// <summary>A business rule on one field that the request broke (400, or 413 for a body over its size limit; names the field and the rule).</summary>
public sealed class RuleViolationException(string field, string rule, string message, int status = 400) : Exception(message)
{
    public string Field { get; } = field;
    public string Rule { get; } = rule;
    public int Status { get; } = status;
}

/// <summary>The resource does not exist, or the caller may not know it exists (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>A conflict with existing data that is not a state transition, e.g. a duplicate reference (409).</summary>
public sealed class ConflictException(string message, string rule) : Exception(message)
{
    public string Rule { get; } = rule;
}
