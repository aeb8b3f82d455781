using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Equipment.Testing;

/// <summary>Reads and sends the preconditions of <c>EntityTags</c>: ETag on reads and writes, If-Match on writes, 412 on a stale one.</summary>
public static class ETagAssert
{
    public const string Stale = "\"999999\"";

    /// <summary>The answer's ETag (it must have one).</summary>
    public static string Of(HttpResponseMessage response)
    {
        Assert.True(response.Headers.ETag is not null, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} answered no ETag");
        return response.Headers.ETag!.Tag;
    }

    public static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return Of(response);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>A 412 problem naming the current ETag (the one given) and state, with that ETag in its header.</summary>
    public static async Task<JsonNode> PreconditionFailedAsync(HttpResponseMessage response, string currentETag, string? currentState = null)
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.PreconditionFailed, response);
        Assert.Equal("PreconditionFailed", problem["rule"]!.GetValue<string>());
        Assert.Equal(currentETag, problem["currentETag"]!.GetValue<string>());
        if (currentState is not null) Assert.Equal(currentState, problem["currentState"]!.GetValue<string>());
        Assert.Equal(currentETag, Of(response));
        return problem;
    }
}
