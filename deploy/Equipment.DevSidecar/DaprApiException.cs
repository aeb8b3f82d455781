using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Equipment.DevSidecar;

/// <summary>
/// A refusal with the facts daprd gives on both of its APIs (dapr pkg/api/errors/pubsub.go, pkg/messages/errorcodes):
/// a gRPC status code and HTTP status, the legacy <c>errorCode</c>, and a <c>google.rpc.ErrorInfo</c> with its reason.
/// It is an <see cref="RpcException"/> whose trailers carry the <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c>,
/// so leaving a gRPC method it is daprd's answer as it stands; the HTTP routes turn it into <see cref="ToHttpResult"/>.
/// </summary>
public sealed class DaprApiException : RpcException
{
    private const string Domain = "dapr.io";

    private DaprApiException(StatusCode code, int httpStatus, string errorCode, string reason, string message, IReadOnlyDictionary<string, string>? metadata)
        : base(new Grpc.Core.Status(code, message), StatusDetails(code, message, reason, metadata ?? new Dictionary<string, string>()), message)
    {
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        Reason = reason;
        ErrorMetadata = metadata ?? new Dictionary<string, string>();
    }

    public int HttpStatus { get; }
    /// <summary>The legacy code of daprd's HTTP error body, e.g. <c>ERR_PUBSUB_NOT_FOUND</c>.</summary>
    public string ErrorCode { get; }
    /// <summary>The <c>ErrorInfo</c> reason, e.g. <c>DAPR_PUBSUB_NOT_FOUND</c>.</summary>
    public string Reason { get; }
    public IReadOnlyDictionary<string, string> ErrorMetadata { get; }

    /// <summary>daprd's HTTP error body (dapr/kit errors JSONErrorValue).</summary>
    public IResult ToHttpResult() => Results.Json(new
    {
        errorCode = ErrorCode,
        message = Status.Detail,
        details = new[]
        {
            new Dictionary<string, object>
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo", ["reason"] = Reason, ["domain"] = Domain, ["metadata"] = ErrorMetadata,
            },
        },
    }, statusCode: HttpStatus);

    private static Metadata StatusDetails(StatusCode code, string message, string reason, IReadOnlyDictionary<string, string> metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata) info.Metadata[key] = value;
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        return new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
    }

    public static DaprApiException PubSubNameEmpty(IReadOnlyDictionary<string, string> metadata) =>
        new(StatusCode.InvalidArgument, 404, "ERR_PUBSUB_EMPTY", "DAPR_PUBSUB_NAME_EMPTY", "pubsub name is empty", metadata);

    public static DaprApiException PubSubNotFound(string pubsub) =>
        new(StatusCode.InvalidArgument, 404, "ERR_PUBSUB_NOT_FOUND", "DAPR_PUBSUB_NOT_FOUND", $"pubsub {pubsub} is not found", null);

    public static DaprApiException TopicEmpty(string pubsub, IReadOnlyDictionary<string, string> metadata) =>
        new(StatusCode.InvalidArgument, 404, "ERR_TOPIC_NAME_EMPTY", "DAPR_PUBSUB_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}", metadata);

    public static DaprApiException MetadataDeserialization(IReadOnlyDictionary<string, string> metadata, string error) =>
        new(StatusCode.InvalidArgument, 400, "ERR_PUBSUB_REQUEST_METADATA", "DAPR_PUBSUB_METADATA_DESERIALIZATION",
            $"failed deserializing metadata. Error: {error}", metadata);

    public static DaprApiException CloudEventCreation(string appId, string error) =>
        new(StatusCode.InvalidArgument, 500, "ERR_PUBSUB_CLOUD_EVENTS_SER", "DAPR_PUBSUB_CLOUD_EVENT_CREATION", "cannot create cloudevent",
            new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });

    /// <summary>A bulk entry without an id, or with one already used in the request.</summary>
    public static DaprApiException MarshalEvents(string pubsub, string topic, string appId, string error) =>
        new(StatusCode.InvalidArgument, 400, "ERR_PUBSUB_EVENTS_SER", "DAPR_PUBSUB_MARSHAL_EVENTS",
            $"error marshaling events to bytes for topic {topic} pubsub {pubsub}. error: {error}",
            new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });

    /// <summary>The broker, here SQLite, did not take the message.</summary>
    public static DaprApiException PublishMessage(string pubsub, string topic, string error) =>
        new(StatusCode.Internal, 500, "ERR_PUBSUB_PUBLISH_MESSAGE", "DAPR_PUBSUB_PUBLISH_MESSAGE",
            $"error when publishing to topic {topic} in pubsub {pubsub}: {error}",
            new Dictionary<string, string> { ["topic"] = topic, ["error"] = error });

    /// <summary>
    /// daprd's gRPC API-token refusal (pkg/api/grpc/auth.go through messaging ErrorFromHTTPResponseCode): Unauthenticated,
    /// the HTTP status text as message and reason, the detail in <c>http.error_message</c>.
    /// </summary>
    public static DaprApiException Unauthenticated(string detail) =>
        new(StatusCode.Unauthenticated, 401, "ERR_UNAUTHORIZED", "Unauthorized", "Unauthorized",
            new Dictionary<string, string> { ["http.code"] = "401", ["http.error_message"] = detail });
}
