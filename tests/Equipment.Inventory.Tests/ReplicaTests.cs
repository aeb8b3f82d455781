using Equipment.DonorReporting.Contracts.Api;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Features.Receipts;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Equipment.Inventory.Tests;

/// <summary>Runs only with <c>EQUIPMENT_TEST_POSTGRES</c> (CI sets it): several replicas need a database server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ServiceFactory<Program>.PostgresServer is null)
            Skip = "Needs PostgreSQL: set EQUIPMENT_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=5433;Username=postgres); two replicas share one database server.";
    }
}

/// <summary>
/// One instance of inventory, on Kestrel (real HTTP on a free port), against a database it shares with other instances.
/// Its outbox publishes to <see cref="CountingPublisher"/>, shared by the instances of a test.
/// </summary>
public sealed class Replica(string provider, string connectionString, CountingPublisher publisher, bool runsImports = true) : WebApplicationFactory<Program>
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Database", connectionString);
        builder.UseSetting("Auth:SigningKey", ServiceFactory<Program>.SigningKey);
        builder.UseSetting("DAPR_GRPC_ENDPOINT", "http://127.0.0.1:9");
        builder.UseSetting("APP_API_TOKEN", ServiceFactory<Program>.AppApiToken);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Inventory:ImportPollInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IOutboxPublisher>(publisher);
            if (!runsImports)
                services.RemoveAll(d => d.ImplementationType == typeof(ImportWorker));
        });
    }

    public HttpClient As(string role, string username = "logistics")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFactory<Program>.Issuer.Issue(username, role, null));
        return client;
    }

    public async Task<string> DeliverAsync(string topic, object data)
    {
        var cloudEvent = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["source"] = "tests", ["type"] = data.GetType().Name, ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json", ["topic"] = topic, ["pubsubname"] = "pubsub",
            ["data"] = JsonSerializer.SerializeToNode(data, EventJson.Options),
        };
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/events/{topic}")
        {
            Content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("pubsubname", "pubsub");
        request.Headers.Add("dapr-api-token", ServiceFactory<Program>.AppApiToken);
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
    }

    public async Task<T> WithDbAsync<T>(Func<InventoryDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<InventoryDbContext>());
    }
}

internal static class ServiceCollectionRemoval
{
    public static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList()) services.Remove(descriptor);
    }
}

/// <summary>Plays the sidecar: counts every publish per event id and which instance made it.</summary>
public sealed class CountingPublisher : IOutboxPublisher
{
    public ConcurrentDictionary<Guid, int> Count { get; } = new();
    public ConcurrentDictionary<string, int> ByInstance { get; } = new();

    public async Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Count.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
        ByInstance.AddOrUpdate(message.ClaimedBy ?? "?", 1, (_, n) => n + 1);
        return PublishResult.Published;
    }
}

/// <summary>Two instances of inventory on one database: every event published once, a background import run once.</summary>
public sealed class ReplicaTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _database = "equipment_replicas_" + Guid.NewGuid().ToString("N");
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"equipment-replicas-{Guid.NewGuid():N}.db");
    private readonly CountingPublisher _publisher = new();
    private readonly List<Replica> _replicas = [];

    private (string Provider, string Connection) Database => ServiceFactory<Program>.PostgresServer is { } server
        ? ("Postgres", $"{server};Database={_database}")
        : ("Sqlite", $"Data Source={_sqliteFile}");

    public Task InitializeAsync() => Task.CompletedTask;

    private Replica Start(bool runsImports = true)
    {
        var replica = new Replica(Database.Provider, Database.Connection, _publisher, runsImports);
        replica.UseKestrel(0);                                            // real HTTP on a free port
        replica.StartServer();
        _replicas.Add(replica);
        return replica;
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (File.Exists(_sqliteFile)) File.Delete(_sqliteFile);
        if (ServiceFactory<Program>.PostgresServer is { } server)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A grant and a signed contract for <paramref name="cameras"/> cameras, an arrived shipment of them; returns the shipment.</summary>
    private static async Task<Guid> ArrivedShipmentAsync(Replica replica, HttpClient logistics, int cameras)
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await replica.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope,
            100_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2030, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56) { Authority = "Garde nationale" }]) { OccurredAt = DateTimeOffset.UtcNow }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await replica.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, "EU-DGNEAR",
            "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", cameras, 4_250m, "TN-RAS-AJDIR", Today.AddDays(60), 24)])
            { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));

        var expected = await HttpAssert.StatusAsync(HttpStatusCode.OK, await logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}"));
        var line = expected["items"]![0]!["id"]!.GetValue<Guid>();
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.Created, await logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId = line, quantity = cameras } },
        }));
        var shipmentId = shipment["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await logistics.PostAsync($"/api/inventory/shipments/{shipmentId}/transit", null));
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code = warehouse, name = "Warehouse", countryCode = "TN", address = "Tunis" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipmentId}/arrival",
            new { arrivedOn = Today.AddDays(-1), warehouseCode = warehouse }));
        return shipmentId;
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        Equipment.ApiClient.Poll.UntilAsync(condition, done => done, timeout, what);

    [PostgresFact]
    public async Task Two_instances_publish_each_of_500_deployments_once_and_leave_nothing_in_the_outbox()
    {
        var a = Start();
        var b = Start();
        using var logisticsA = a.As(Roles.LogisticsOfficer);
        using var logisticsB = b.As(Roles.LogisticsOfficer);

        const int count = 500;
        var shipmentId = await ArrivedShipmentAsync(a, logisticsA, count);
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await logisticsB.PostAsJsonAsync($"/api/inventory/shipments/{shipmentId}/receipts", new
        {
            receivedOn = Today,
            lines = new[] { new { contractLineNumber = 1, rejectedQuantity = 0, units = Enumerable.Range(0, count).Select(i => new { serialNumber = $"SN-{i:D5}", manufacturer = "Thermovision", model = "TV-MW640", visibilityMarking = false }) } },
        }));
        var assets = receipt["assets"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()).ToArray();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await logisticsA.PostAsJsonAsync("/api/inventory/handovers", new
        {
            handedOverOn = Today, place = "Tunis", from = new { name = "Sophie Laurent", role = "Project manager" },
            toAuthority = "Garde nationale (Tunisia)", to = new { name = "Col. Ben Salah", role = "Director" }, assetIds = assets,
        }));

        // 500 deployments, each its own request and its own event, spread over both instances, 8 at a time.
        await Parallel.ForEachAsync(assets.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (asset, ct) =>
        {
            var client = asset.i % 2 == 0 ? logisticsA : logisticsB;
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.PostAsJsonAsync($"/api/inventory/assets/{asset.id}/deployment",
                new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }, ct));
        });

        await WaitForAsync(() => a.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.PublishedAt != null)), TimeSpan.FromMinutes(2), "the outbox to drain");
        // Every row is marked, so every publish has returned, and no dispatcher claims a marked row: the counts are final.

        var rows = await a.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var deployments = rows.Where(r => r.Topic == AssetDeployed.Topic).ToList();
        Assert.Equal(count, deployments.Count);
        Assert.Equal(count, rows.Count(r => r.Topic == AssetRegistered.Topic));
        Assert.All(rows, r => Assert.NotNull(r.PublishedAt));
        Assert.All(rows, r => Assert.Null(r.ClaimedUntil));
        var twice = rows.Where(r => _publisher.Count.GetValueOrDefault(r.EventId) != 1).Select(r => $"{r.Topic} {r.EventId}: {_publisher.Count.GetValueOrDefault(r.EventId)}").ToList();
        Assert.True(twice.Count == 0, "published other than once: " + string.Join(", ", twice.Take(10)));
        Assert.Equal(rows.Count, _publisher.Count.Count);
        Assert.Equal(rows.Select(r => r.ClaimedBy).Distinct().Count(), _publisher.ByInstance.Count);
        Assert.True(_publisher.ByInstance.Count >= 2, "both dispatchers should have published a share");   // the requests went to both; each wakes its own
        output.WriteLine($"{rows.Count} events; published by instance: {string.Join(", ", _publisher.ByInstance.Select(p => $"{p.Key[^6..]} {p.Value}"))}");
    }

    [Fact]
    public async Task An_import_accepted_by_an_instance_that_runs_no_imports_is_run_once_by_the_other()
    {
        var a = Start(runsImports: false);                                // accepts the import, then is as good as dead for it
        using var logisticsA = a.As(Roles.LogisticsOfficer);
        var shipmentId = await ArrivedShipmentAsync(a, logisticsA, 20);
        var csv = new StringBuilder(string.Join(",", ImportReceipts.Columns) + "\n");
        for (var i = 0; i < 20; i++) csv.Append($"1,IMP-{i:D4},Thermovision,TV-MW640,false,\n");
        using var body = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var accepted = await HttpAssert.StatusAsync(HttpStatusCode.Accepted, await logisticsA.PostAsync($"/api/inventory/shipments/{shipmentId}/receipts/import?receivedOn={Today:yyyy-MM-dd}", body));
        var importId = accepted["id"]!.GetValue<Guid>();
        // Nobody runs it yet: A has no import worker.
        Assert.Equal("Queued", (await HttpAssert.StatusAsync(HttpStatusCode.OK, await logisticsA.GetAsync($"/api/inventory/imports/{importId}")))["status"]!.GetValue<string>());

        var b = Start();
        var c = Start();
        using var logisticsB = b.As(Roles.LogisticsOfficer);
        await WaitForAsync(async () => (await HttpAssert.StatusAsync(HttpStatusCode.OK, await logisticsB.GetAsync($"/api/inventory/imports/{importId}")))["status"]!.GetValue<string>() == "Completed",
            TimeSpan.FromSeconds(30), "the import to complete");
        Assert.Equal(1, await b.WithDbAsync(db => db.GoodsReceivedNotes.CountAsync(n => n.ShipmentId == shipmentId)));
        Assert.Equal(20, await b.WithDbAsync(db => db.Assets.CountAsync(x => x.SerialNumber.StartsWith("IMP-"))));
    }
}
