using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Equipment.DevSidecar;

/// <summary>
/// The part of daprd's gRPC API (service <c>dapr.proto.runtime.v1.Dapr</c>) that <c>DaprClient</c> needs for pub/sub:
/// PublishEvent, BulkPublishEvent and its Alpha1 name, GetMetadata. Any other method answers Unimplemented.
/// <para>
/// Dapr.Protos ships the messages but no server base class, so this class binds its methods itself, as protoc's
/// generated <c>BindService</c> does: Grpc.AspNetCore finds <see cref="BindService"/> through the attribute, takes the
/// method names from it, and calls the public virtual method of that name declared here (hence not sealed).
/// </para>
/// </summary>
[BindServiceMethod(typeof(DaprGrpcApi), nameof(BindService))]
public class DaprGrpcApi(Publisher publisher, SidecarDbContext db, SidecarOptions options)
{
    public static void BindService(ServiceBinderBase binder, DaprGrpcApi? api)
    {
        binder.AddMethod(Unary<PublishEventRequest, Empty>(nameof(PublishEvent)), api is null ? null : api.PublishEvent);
        binder.AddMethod(Unary<BulkPublishRequest, BulkPublishResponse>(nameof(BulkPublishEvent)), api is null ? null : api.BulkPublishEvent);
        binder.AddMethod(Unary<BulkPublishRequest, BulkPublishResponse>(nameof(BulkPublishEventAlpha1)), api is null ? null : api.BulkPublishEventAlpha1);
        binder.AddMethod(Unary<GetMetadataRequest, GetMetadataResponse>(nameof(GetMetadata)), api is null ? null : api.GetMetadata);
    }

    public virtual async Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        await publisher.PublishAsync(
            new Publication(request.PubsubName, request.Topic, request.Data.ToByteArray(), request.DataContentType, request.Metadata, TraceParent(context)),
            context.CancellationToken);
        return new Empty();
    }

    /// <summary>
    /// daprd's bulk publish (pkg/api/grpc/grpc.go bulkPublishEvent): the request is refused as a whole if it fails the
    /// checks, an entry id is missing or repeated, or an entry cannot be wrapped; then the entries are stored together
    /// in one transaction, in their order, and if that fails every entry is returned as failed.
    /// </summary>
    public virtual async Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context)
    {
        var rawPayload = publisher.Check(request.PubsubName, request.Topic, request.Metadata);
        var ids = new HashSet<string>();
        foreach (var entry in request.Entries)
            if (entry.EntryId.Length == 0 || !ids.Add(entry.EntryId))
                throw DaprApiException.MarshalEvents(request.PubsubName, request.Topic, options.AppId, "entryId is duplicated or not present for entry");

        var envelopes = request.Entries.Select(entry =>
        {
            var metadata = new Dictionary<string, string>(request.Metadata);
            foreach (var (key, value) in entry.Metadata) metadata[key] = value;                    // the entry's own keys win
            var publication = new Publication(request.PubsubName, request.Topic, entry.Event.ToByteArray(), entry.ContentType, metadata, TraceParent(context));
            return (entry.EntryId, Envelope: publisher.Wrap(publication, rawPayload));
        }).ToList();

        var response = new BulkPublishResponse();
        if (envelopes.Count == 0) return response;
        try { await publisher.StoreAsync(envelopes.Select(e => e.Envelope).ToList(), context.CancellationToken); }
        catch (DaprApiException e)
        {
            foreach (var (entryId, _) in envelopes) response.FailedEntries.Add(new BulkPublishResponseFailedEntry { EntryId = entryId, Error = e.Status.Detail });
        }
        return response;
    }

    /// <summary>The name before Dapr 1.17, which daprd still serves and older SDKs call.</summary>
    public virtual Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) =>
        BulkPublishEvent(request, context);

    public virtual Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context) =>
        SidecarMetadata.ReadAsync(db, options, context.CancellationToken);

    private static string? TraceParent(ServerCallContext context) => context.RequestHeaders.GetValue("traceparent");

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor.FullName, name, Marshaller<TRequest>(), Marshaller<TResponse>());

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new() =>
        Marshallers.Create(message => message.ToByteArray(), new MessageParser<T>(() => new T()).ParseFrom);
}

/// <summary>
/// daprd's <c>DAPR_API_TOKEN</c> check on its gRPC API (pkg/api/grpc/auth.go): when a token is configured, the first
/// <c>dapr-api-token</c> metadata value must equal it, else the call is Unauthenticated.
/// </summary>
public sealed class DaprApiTokenInterceptor(SidecarOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (options.ApiToken is { } expected)
        {
            var token = context.RequestHeaders.GetValue("dapr-api-token");
            if (token is null) throw DaprApiException.Unauthenticated("missing api token in request metadata");
            if (token != expected) throw DaprApiException.Unauthenticated("authentication error: api token mismatch");
        }
        return continuation(request, context);
    }
}
