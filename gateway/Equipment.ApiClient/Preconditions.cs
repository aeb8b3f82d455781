namespace Equipment.ApiClient;

/// <summary>
/// HTTP preconditions for the typed clients, without a parameter on every method: inside
/// <c>using var p = Precondition.IfMatch(etag)</c> every call sends <c>If-Match: etag</c>, and <see cref="ETag"/> holds the
/// ETag of the last answer (a read's, or the new one a write answered); <see cref="Capture"/> only remembers it. A
/// stale tag is answered 412 (an <see cref="ApiException"/> whose problem names <c>currentETag</c> and <c>currentState</c>).
/// Needs <see cref="PreconditionHandler"/> in the client's pipeline (<see cref="EquipmentApi.SignInAsync"/> and
/// <see cref="EquipmentApiRegistration.AddEquipmentApi"/> add it).
/// </summary>
public sealed class Precondition : IDisposable
{
    private static readonly AsyncLocal<Precondition?> Scope = new();
    private readonly Precondition? _outer;

    private Precondition(string? ifMatch)
    {
        IfMatchTag = ifMatch;
        _outer = Scope.Value;
        Scope.Value = this;
    }

    public string? IfMatchTag { get; }
    public string? ETag { get; internal set; }

    internal static Precondition? Current => Scope.Value;

    public static Precondition IfMatch(string etag) => new(etag);
    public static Precondition Capture() => new(null);

    public void Dispose() => Scope.Value = _outer;
}

/// <summary>Sends the scope's If-Match and gives it the answer's ETag.</summary>
public sealed class PreconditionHandler : DelegatingHandler
{
    public PreconditionHandler() { }
    public PreconditionHandler(HttpMessageHandler inner) : base(inner) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = Precondition.Current;
        if (scope?.IfMatchTag is { } tag && request.Method != HttpMethod.Get)
            request.Headers.TryAddWithoutValidation("If-Match", tag);
        var response = await base.SendAsync(request, cancellationToken);
        if (scope is not null && response.Headers.ETag is { } etag) scope.ETag = etag.Tag;
        return response;
    }
}
