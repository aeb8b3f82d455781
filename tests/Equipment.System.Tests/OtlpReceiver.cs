using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;

namespace Equipment.System.Tests;

/// <summary>One span as a part exported it.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// An OTLP/HTTP endpoint (<c>POST /v1/traces</c>, protobuf) that keeps the spans the parts export, standing where the Aspire
/// dashboard stands when the AppHost runs. It reads only what the tests look at (the resource's <c>service.name</c>, and
/// each span's trace id, span id, parent and name) from the wire format of opentelemetry-proto's
/// <c>ExportTraceServiceRequest</c>; metrics and logs are accepted and not kept.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();
    public Uri Endpoint { get; }

    public OtlpReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces") Read(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (InvalidProtocolBufferException)
            {
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }   KeyValue { string key = 1; AnyValue value = 2; }   AnyValue { string string_value = 1; }
    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5; }
    private void Read(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = "";
            foreach (var resource in Fields(resourceSpans, 1))
                foreach (var attribute in Fields(resource, 1))
                    if (Fields(attribute, 1).Select(Text).FirstOrDefault() == "service.name")
                        service = Fields(attribute, 2).SelectMany(v => Fields(v, 1)).Select(Text).FirstOrDefault() ?? "";
            foreach (var scopeSpans in Fields(resourceSpans, 2))
                foreach (var span in Fields(scopeSpans, 2))
                    Spans.Enqueue(new ReceivedSpan(service,
                        Hex(Fields(span, 1).FirstOrDefault()), Hex(Fields(span, 2).FirstOrDefault()), Hex(Fields(span, 4).FirstOrDefault()),
                        Fields(span, 5).Select(Text).FirstOrDefault() ?? ""));
        }
    }

    /// <summary>The length-delimited values of field <paramref name="number"/> of a message; other fields are skipped.</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number)
    {
        var input = new CodedInputStream(message);
        var found = new List<byte[]>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                found.Add(input.ReadBytes().ToByteArray());
            else
                input.SkipLastField();
        }
        return found;
    }

    private static string Text(byte[] bytes) => global::System.Text.Encoding.UTF8.GetString(bytes);
    private static string Hex(byte[]? bytes) => bytes is null ? "" : Convert.ToHexString(bytes).ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
