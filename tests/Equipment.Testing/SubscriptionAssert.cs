using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Equipment.Testing;

/// <summary>Drives every subscription route a service announces with deliveries shaped as daprd sends them.</summary>
public static class SubscriptionAssert
{
    public const string TraceParent = "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01";

    /// <summary>
    /// For each route in <c>GET /dapr/subscribe</c>: without the sidecar's token 401; with it, every poison variant
    /// (not JSON, <c>data</c> null, a payload of the wrong type, required fields missing) answers 200 DROP, never a 5xx
    /// that daprd would retry without end. Returns the topics checked.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EveryRouteDropsWhatItCanNeverHandleAsync<TProgram>(WebApplicationFactory<TProgram> factory, string appId)
        where TProgram : class
    {
        using var client = factory.CreateClient();
        var subscriptions = JsonNode.Parse(await client.GetStringAsync("/dapr/subscribe"))!.AsArray();
        Assert.NotEmpty(subscriptions);
        var topics = new List<string>();
        foreach (var subscription in subscriptions)
        {
            var topic = subscription!["topic"]!.GetValue<string>();
            var route = "/" + subscription["route"]!.GetValue<string>().TrimStart('/');
            Assert.Equal("pubsub", subscription["pubsubName"]!.GetValue<string>());
            Assert.Equal($"{appId}.dead-letter", subscription["deadLetterTopic"]!.GetValue<string>());
            topics.Add(topic);

            using (var forged = await client.SendAsync(Delivery(route, Envelope(topic, new JsonObject()), token: null)))
                Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

            foreach (var (name, body) in new[]
                     {
                         ("not JSON", "{\"id\":"),
                         ("data null", Envelope(topic, null)),
                         ("data of the wrong type", Envelope(topic, JsonValue.Create(42))),
                         ("required fields missing", Envelope(topic, new JsonObject { ["occurredAt"] = "2026-01-01T00:00:00Z" })),
                         ("a field of the wrong type", Envelope(topic, new JsonObject { ["occurredAt"] = "not a time" })),
                     })
            {
                using var response = await client.SendAsync(Delivery(route, body, ServiceFactory<TProgram>.AppApiToken));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{topic}, {name}: {(int)response.StatusCode} {text}");
                Assert.Equal("DROP", JsonNode.Parse(text)!["status"]!.GetValue<string>());
            }
        }
        return topics;
    }

    private static string Envelope(string topic, JsonNode? data) => new JsonObject
    {
        ["data"] = data, ["datacontenttype"] = "application/json", ["id"] = Guid.NewGuid().ToString(), ["pubsubname"] = "pubsub",
        ["source"] = "tests", ["specversion"] = "1.0", ["time"] = "2026-03-01T10:00:00Z", ["topic"] = topic,
        ["traceid"] = TraceParent, ["traceparent"] = TraceParent, ["tracestate"] = "", ["type"] = "com.dapr.event.sent",
    }.ToJsonString();

    private static HttpRequestMessage Delivery(string route, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-8");
        request.Headers.Add("pubsubname", "pubsub");
        request.Headers.Add("traceparent", TraceParent);
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        return request;
    }
}
