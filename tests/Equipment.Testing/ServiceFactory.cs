using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Equipment.Testing;

/// <summary>
/// A service under test in-process, on its own SQLite file, with a fixed signing key. Its outbox points at a port
/// where no sidecar listens, so events stay in the outbox where the tests read them.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public static readonly string SigningKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("equipment-tests-signing-key-32-bytes!!"));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "equipment-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "service.db");

    /// <summary>
    /// <c>EQUIPMENT_TEST_POSTGRES</c> (a server's connection string without a database, e.g.
    /// <c>Host=127.0.0.1;Port=5433;Username=postgres</c>) runs the service on PostgreSQL, in a database of its own that is
    /// dropped afterwards; otherwise it runs on a SQLite file.
    /// </summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("EQUIPMENT_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    private readonly string _postgresDatabase = "equipment_test_" + Guid.NewGuid().ToString("N");

    /// <summary>Holds saves back while a race is run, so that every racer reads the same state before anyone writes.</summary>
    public SaveGate Gate { get; } = new();

    /// <summary>The service's clock: starts now, moves only when a test moves it (deadlines, standstills).</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        if (PostgresServer is { } server)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Database", $"{server};Database={_postgresDatabase}");
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Database", $"Data Source={DatabasePath}");
        }
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("DAPR_GRPC_ENDPOINT", "http://127.0.0.1:9");   // discard port: nothing listens, publishing fails and rows wait
        builder.UseSetting("APP_API_TOKEN", AppApiToken);
        builder.UseSetting("Outbox:PollInterval", "01:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Gate);
        });
    }

    /// <summary>What the sidecar sends on every delivery (<c>dapr-api-token</c>); the service refuses deliveries without it.</summary>
    public const string AppApiToken = "tests-app-api-token";

    public static TokenIssuer Issuer { get; } = new(new AuthOptions { SigningKey = SigningKey });

    /// <summary>A client sending a token for <paramref name="role"/> (and <paramref name="donor"/> for a monitor).</summary>
    public HttpClient ClientAs(string role, string? donor = null, string username = "tester")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Issue(username, role, donor));
        return client;
    }

    /// <summary>Runs <paramref name="action"/> against the service's DbContext, as the tests' window on what was stored.</summary>
    public async Task<T> WithDbAsync<TDb, T>(Func<TDb, Task<T>> action) where TDb : ServiceDbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TDb>());
    }

    /// <summary>Delivers a CloudEvent to the subscription route as daprd would, and returns the app's status answer.</summary>
    public async Task<string> DeliverAsync(string topic, object data, string? id = null)
    {
        var cloudEvent = new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["source"] = "tests",
            ["type"] = data.GetType().Name,
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["data"] = JsonSerializer.SerializeToNode(data, EventJson.Options),
        };
        return await DeliverRawAsync(topic, cloudEvent.ToJsonString());
    }

    public async Task<string> DeliverRawAsync(string topic, string body)
    {
        using var client = CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/events/{topic}") { Content = content };
        request.Headers.Add("pubsubname", "pubsub");
        request.Headers.Add("dapr-api-token", AppApiToken);
        request.Headers.Add("traceparent", SubscriptionAssert.TraceParent);
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        return answer!["status"]!.GetValue<string>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresServer is { } server) DropPostgresDatabase(server);
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still open on a slow shutdown: the temp folder is cleaned by the OS */ }
    }

    private void DropPostgresDatabase(string server)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
        connection.Open();
        using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

public static class HttpAssert
{
    /// <summary>Asserts the status and returns the body as JSON, showing the body when the status is wrong.</summary>
    public static async Task<JsonNode> StatusAsync(System.Net.HttpStatusCode expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} {expected}, got {(int)response.StatusCode}: {body}");
        return string.IsNullOrEmpty(body) ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with this status that names <paramref name="field"/> (when given).</summary>
    public static async Task<JsonNode> ProblemAsync(System.Net.HttpStatusCode expected, HttpResponseMessage response, string? field = null)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await StatusAsync(expected, response);
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        if (field is not null)
            Assert.True(problem["errors"]?[field] is not null, $"Expected the problem to name field '{field}': {problem.ToJsonString()}");
        return problem;
    }
}
