using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Equipment.Gateway.Tests;

/// <summary>A real HTTP backend standing in for the procurement service: it echoes what the gateway forwarded.</summary>
public sealed class EchoBackend : IAsyncLifetime
{
    private WebApplication? _app;
    public int Port { get; } = FreePorts.Next();
    /// <summary>Whether <c>/health/ready</c> answers 200 Healthy or 503 Unhealthy.</summary>
    public bool Ready { get; set; } = true;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapGet("/health/ready", () => Ready
            ? Results.Json(new { status = "Healthy", checks = new { database = new { status = "Healthy" } } })
            : Results.Json(new { status = "Unhealthy", checks = new { database = new { status = "Unhealthy" } } }, statusCode: 503));
        _app.Map("/api/procurement/{**rest}", (HttpContext c) =>
        {
            // A service's version of the record, and its answer to a stale If-Match (412), as the services give them.
            c.Response.Headers.ETag = "\"7\"";
            if (c.Request.Headers.IfMatch.Count > 0 && c.Request.Headers.IfMatch.ToString() != "\"7\"")
                return Results.Problem(statusCode: 412, title: "The record has changed since it was read", extensions: new Dictionary<string, object?> { ["currentETag"] = "\"7\"" });
            return Results.Json(new
            {
                path = c.Request.Path.Value,
                authorization = c.Request.Headers.Authorization.ToString(),
                correlationId = c.Request.Headers["X-Correlation-Id"].ToString(),
                ifMatch = c.Request.Headers.IfMatch.ToString(),
                port = Port,
            });
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

public sealed class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public EchoBackend Backend { get; } = new();
    public int PermitLimit { get; init; } = 1000;
    public int TokenPermitLimit { get; init; } = 30;
    public int QueueLimit { get; init; }
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A request carrying this header arrives from that address (the test server has no sockets); others from 127.0.0.1.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", ServiceFactory<Program>.SigningKey);
        builder.UseSetting("RateLimiting:PermitLimit", PermitLimit.ToString());
        builder.UseSetting("RateLimiting:TokenPermitLimit", TokenPermitLimit.ToString());
        builder.UseSetting("RateLimiting:QueueLimit", QueueLimit.ToString());
        builder.UseSetting("RateLimiting:Window", Window.ToString());
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFilter>());
        builder.UseSetting("ReverseProxy:Clusters:procurement:Destinations:primary:Address", $"http://127.0.0.1:{Backend.Port}/");
        var closed = FreePorts.Next();
        foreach (var cluster in new[] { "inventory", "maintenance", "donor-reporting" })
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address", $"http://127.0.0.1:{closed}/");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public Task InitializeAsync() => Backend.InitializeAsync();
    public new async Task DisposeAsync()
    {
        await Backend.DisposeAsync();
        await base.DisposeAsync();
    }

    public HttpClient ClientAs(string role, string? donor = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFactory<Program>.Issuer.Issue("tester", role, donor));
        return client;
    }
}

/// <summary>Gives each test request the connection address a real socket would have (127.0.0.1 unless the test says otherwise).</summary>
public sealed class RemoteAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(GatewayFactory.RemoteAddressHeader, out var address)
                ? IPAddress.Parse(address.ToString())
                : IPAddress.Loopback;
            return following(context);
        });
        next(app);
    };
}

public class GatewayTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("monitor", "DonorMonitor", "EU-DGNEAR", null)]
    [InlineData("monitor2", "DonorMonitor", "IT-MININT", null)]
    [InlineData("moniteur", "DonorMonitor", "EU-DGNEAR", "fr")]
    [InlineData("muraqib", "DonorMonitor", "EU-DGNEAR", "ar")]
    [InlineData("officer", "ProcurementOfficer", null, null)]
    [InlineData("admin", "Administrator", null, null)]
    public async Task Demo_users_get_a_bearer_token_with_their_role_donor_and_language(string username, string role, string? donor, string? locale)
    {
        using var client = gateway.CreateClient();
        var body = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" }));
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.True(body["expires_in"]!.GetValue<int>() > 0);
        var token = new JsonWebToken(body["access_token"]!.GetValue<string>());
        Assert.Equal(role, token.GetClaim("role").Value);
        Assert.Equal(donor, token.TryGetClaim("donor", out var claim) ? claim.Value : null);
        Assert.Equal(locale, token.TryGetClaim("locale", out var language) ? language.Value : null);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_401_and_missing_fields_400()
    {
        using var client = gateway.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "wrong" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = "demo" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await client.PostAsJsonAsync("/api/auth/token", new { username = "admin" }), field: "password");
    }

    [Theory]
    [InlineData("/api/procurement/contracts")]
    [InlineData("/api/inventory/assets")]
    [InlineData("/api/maintenance/assets")]
    [InlineData("/api/reporting/grants")]
    public async Task Every_api_route_answers_401_at_the_gateway_without_a_token(string path)
    {
        using var client = gateway.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await client.GetAsync(path));
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/inventorys/assets")]
    public async Task An_unknown_api_path_is_a_json_404_not_the_portals_page(string path)
    {
        using var client = gateway.ClientAs(Roles.Administrator);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_without_one_of_the_roles_is_403_at_the_gateway()
    {
        using var client = gateway.ClientAs("Visitor");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await client.GetAsync("/api/procurement/contracts"));
    }

    [Fact]
    public async Task An_authorised_call_is_forwarded_with_its_token_and_a_correlation_id()
    {
        using var client = gateway.ClientAs(Roles.ProcurementOfficer);
        var response = await client.GetAsync("/api/procurement/contracts?page=1");
        var echoed = await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("/api/procurement/contracts", echoed["path"]!.GetValue<string>());
        Assert.StartsWith("Bearer ", echoed["authorization"]!.GetValue<string>());
        var correlation = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Equal(correlation, echoed["correlationId"]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/procurement/contracts");
        request.Headers.Add("X-Correlation-Id", "trace-from-caller-42");
        var kept = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.SendAsync(request));
        Assert.Equal("trace-from-caller-42", kept["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ETag_and_If_Match_pass_through_and_a_412_comes_back_as_the_service_gave_it()
    {
        using var client = gateway.ClientAs(Roles.ProcurementOfficer);
        using var read = await client.GetAsync("/api/procurement/contracts/1");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, read);
        Assert.Equal("\"7\"", read.Headers.ETag?.Tag);

        using var current = new HttpRequestMessage(HttpMethod.Post, "/api/procurement/contracts/1/signature");
        current.Headers.IfMatch.Add(read.Headers.ETag!);
        var echoed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.SendAsync(current));
        Assert.Equal("\"7\"", echoed["ifMatch"]!.GetValue<string>());

        using var stale = new HttpRequestMessage(HttpMethod.Post, "/api/procurement/contracts/1/signature");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"6\"");
        using var refused = await client.SendAsync(stale);
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.PreconditionFailed, refused);
        Assert.Equal("\"7\"", problem["currentETag"]!.GetValue<string>());
        Assert.Equal("\"7\"", refused.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Health_names_every_service_and_is_503_when_one_is_down()
    {
        using var client = gateway.CreateClient();
        var response = await client.GetAsync("/health");
        var health = await HttpAssert.StatusAsync(HttpStatusCode.ServiceUnavailable, response);
        Assert.Equal("Unhealthy", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["services"]!["procurement"]!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", health["services"]!["inventory"]!["status"]!.GetValue<string>());
        Assert.NotNull(health["services"]!["donor-reporting"]);
    }
}

public class RateLimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new() { PermitLimit = 3 };

    public Task InitializeAsync() => _gateway.InitializeAsync();
    public Task DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after()
    {
        using var client = _gateway.ClientAs(Roles.ProcurementOfficer);
        for (var i = 0; i < 3; i++)
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/procurement/contracts"));
        var limited = await client.GetAsync("/api/procurement/contracts");
        await HttpAssert.ProblemAsync(HttpStatusCode.TooManyRequests, limited);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}

/// <summary>With a queue, a client over its bucket waits for the next token instead of being refused.</summary>
public class RatePacingTests : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new() { PermitLimit = 3, Window = TimeSpan.FromSeconds(3), QueueLimit = 2 };

    public Task InitializeAsync() => _gateway.InitializeAsync();
    public Task DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task A_script_sending_one_request_after_another_is_paced_and_a_burst_beyond_the_queue_is_refused()
    {
        using var client = _gateway.ClientAs(Roles.LogisticsOfficer);
        for (var i = 0; i < 6; i++)                                        // 3 from the bucket, then one token a second
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/procurement/contracts"));

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/procurement/contracts")));
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests);   // more than the bucket and the queue hold
        Assert.All(burst, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
    }
}

/// <summary>The sign-in limit counts per address; X-Forwarded-For is believed only from the portal's configured address.</summary>
public class SignInLimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new() { TokenPermitLimit = 3 };

    public Task InitializeAsync() => _gateway.InitializeAsync();
    public Task DisposeAsync() => _gateway.DisposeAsync();

    private async Task<HttpResponseMessage> SignInAsync(string password, string forwardedFor, string? from = null)
    {
        using var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "admin", password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (from is not null) request.Headers.Add(GatewayFactory.RemoteAddressHeader, from);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_client_naming_other_addresses_in_x_forwarded_for_stays_limited()
    {
        for (var i = 1; i <= 3; i++)
            await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await SignInAsync("wrong", $"203.0.113.{i}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.TooManyRequests, await SignInAsync("wrong", "203.0.113.4"));
        var right = await SignInAsync("demo", "203.0.113.5");
        await HttpAssert.ProblemAsync(HttpStatusCode.TooManyRequests, right);          // not even the right password gets a token
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public async Task Through_the_portal_each_browser_has_its_own_limit()
    {
        const string portal = "127.0.0.2";
        for (var i = 0; i < 3; i++)
            await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await SignInAsync("wrong", "198.51.100.7", from: portal));
        await HttpAssert.ProblemAsync(HttpStatusCode.TooManyRequests, await SignInAsync("wrong", "198.51.100.7", from: portal));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await SignInAsync("demo", "198.51.100.8", from: portal));   // another browser is not held back
    }
}
