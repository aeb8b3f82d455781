using System.Net;
using System.Text;

namespace Equipment.DevSidecar.Tests;

/// <summary>The tables of ../shared/DAPR-CONTRACT.md, one row each.</summary>
public class WireContractTests
{
    [Theory]
    [InlineData(200, "", DeliveryVerdict.Success)]
    [InlineData(204, "", DeliveryVerdict.Success)]
    [InlineData(200, "{}", DeliveryVerdict.Success)]
    [InlineData(200, "ok, thanks", DeliveryVerdict.Success)]
    [InlineData(200, "{\"status\":\"\"}", DeliveryVerdict.Success)]
    [InlineData(200, "{\"status\":\"SUCCESS\"}", DeliveryVerdict.Success)]
    [InlineData(200, "{\"status\":\"RETRY\"}", DeliveryVerdict.Retry)]
    [InlineData(200, "{\"status\":\"DROP\"}", DeliveryVerdict.Drop)]
    [InlineData(200, "{\"status\":\"success\"}", DeliveryVerdict.Retry)]
    [InlineData(404, "", DeliveryVerdict.Drop)]
    [InlineData(400, "", DeliveryVerdict.Retry)]
    [InlineData(500, "", DeliveryVerdict.Retry)]
    [InlineData(503, "{\"status\":\"SUCCESS\"}", DeliveryVerdict.Retry)]
    public void An_apps_answer_is_read_as_daprd_reads_it(int status, string body, DeliveryVerdict expected) =>
        Assert.Equal(expected, DeliveryWorker.Interpret((HttpStatusCode)status, body).Verdict);

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cloud_event_keeps_its_id_and_gets_topic_and_pubsubname_overwritten()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"ours","source":"procurement","type":"ContractSigned","topic":"wrong","data":{"a":1}}""");
        var envelope = Publisher.BuildEnvelope(body, "application/cloudevents+json", "pubsub", "orders", "dev-sidecar", null, Now)!;
        Assert.Equal("ours", envelope["id"]!.GetValue<string>());
        Assert.Equal("procurement", envelope["source"]!.GetValue<string>());
        Assert.Equal("orders", envelope["topic"]!.GetValue<string>());
        Assert.Equal("pubsub", envelope["pubsubname"]!.GetValue<string>());
        Assert.Equal("1.0", envelope["specversion"]!.GetValue<string>());
        Assert.Equal("2026-03-01T10:00:00Z", envelope["time"]!.GetValue<string>());
        Assert.Null(Publisher.BuildEnvelope("[1]"u8.ToArray(), "application/cloudevents+json", "pubsub", "orders", "x", null, Now));
    }

    [Fact]
    public void Other_bodies_are_wrapped_and_json_sent_without_a_content_type_arrives_as_a_string()
    {
        var json = Publisher.BuildEnvelope("""{"a":1}"""u8.ToArray(), "application/json", "pubsub", "orders", "app", null, Now)!;
        Assert.Equal(1, json["data"]!["a"]!.GetValue<int>());
        Assert.Equal("com.dapr.event.sent", json["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["id"]!.GetValue<string>()));

        var untyped = Publisher.BuildEnvelope("""{"a":1}"""u8.ToArray(), null, "pubsub", "orders", "app", null, Now)!;
        Assert.Equal("""{"a":1}""", untyped["data"]!.GetValue<string>());
        Assert.Equal("text/plain", untyped["datacontenttype"]!.GetValue<string>());

        var binary = Publisher.BuildEnvelope([1, 2, 3], "application/octet-stream", "pubsub", "orders", "app", null, Now)!;
        Assert.Equal("AQID", binary["data_base64"]!.GetValue<string>());
    }

    [Fact]
    public void Cloudevent_metadata_overrides_fields_of_a_new_envelope_but_not_of_a_cloud_event_body()
    {
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = "chosen", ["cloudevent.type"] = "OrderPlaced", ["cloudevent.subject"] = "order/42",
            ["cloudevent.traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01",
        };
        var wrapped = Publisher.BuildEnvelope("""{"a":1}"""u8.ToArray(), "application/json", "pubsub", "orders", "app", null, Now, metadata)!;
        Assert.Equal("chosen", wrapped["id"]!.GetValue<string>());
        Assert.Equal("OrderPlaced", wrapped["type"]!.GetValue<string>());
        Assert.Equal("order/42", wrapped["subject"]!.GetValue<string>());
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", wrapped["traceid"]!.GetValue<string>());
        Assert.Equal("app", wrapped["source"]!.GetValue<string>());

        var kept = Publisher.BuildEnvelope("""{"id":"ours","type":"ContractSigned"}"""u8.ToArray(), "application/cloudevents+json", "pubsub", "orders", "app", null, Now, metadata)!;
        Assert.Equal("ours", kept["id"]!.GetValue<string>());
        Assert.Equal("ContractSigned", kept["type"]!.GetValue<string>());
        Assert.Null(kept["subject"]);
    }
}
