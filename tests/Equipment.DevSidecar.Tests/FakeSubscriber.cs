using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Equipment.Testing;

namespace Equipment.DevSidecar.Tests;

/// <summary>A real app on a real port, as the sidecar sees one: it declares subscriptions and answers deliveries as told.</summary>
public sealed class FakeSubscriber : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePorts.Next();
    public string Url => $"http://127.0.0.1:{Port}";
    public string Subscriptions { get; set; } = "[]";
    /// <summary>How to answer a delivery of a given topic: (status code, body).</summary>
    public Func<string, int, (int Status, string Body)> Answer { get; set; } = (_, _) => (200, "{\"status\":\"SUCCESS\"}");
    /// <summary>When set, answers from the delivery's body instead (a bulk subscriber's statuses per entry).</summary>
    public Func<JsonObject, (int Status, string Body)>? AnswerFromBody { get; set; }
    public ConcurrentQueue<Received> Deliveries { get; } = new();
    /// <summary>Awaited before each delivery is answered (to hold deliveries in flight).</summary>
    public Func<Task>? BeforeAnswer { get; set; }
    private int _inFlight, _maxInFlight;
    public int InFlight => Volatile.Read(ref _inFlight);
    /// <summary>The most deliveries this app had in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public sealed record Received(string Path, string? ContentType, string? PubSubName, string? TraceParent, JsonObject Body);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        _app = builder.Build();
        _app.MapGet("/dapr/subscribe", () => Results.Content(Subscriptions, "application/json"));
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var topic = body["topic"]?.GetValue<string>() ?? "";
            var attempt = Deliveries.Count(d => d.Body["topic"]?.GetValue<string>() == topic && d.Body["id"]?.ToString() == body["id"]?.ToString()) + 1;
            Deliveries.Enqueue(new Received(context.Request.Path, context.Request.ContentType, context.Request.Headers["pubsubname"], context.Request.Headers["traceparent"], body));
            var inFlight = Interlocked.Increment(ref _inFlight);
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max) { }
            try { if (BeforeAnswer is { } hold) await hold(); }
            finally { Interlocked.Decrement(ref _inFlight); }
            var (status, answer) = AnswerFromBody is { } fromBody ? fromBody(body) : Answer(topic, attempt);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }
}
