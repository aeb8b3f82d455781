using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Equipment.ApiClient;

/// <summary>A failed API call: the status and the RFC 7807 problem body the service answered.</summary>
public sealed class ApiException(HttpStatusCode status, string method, string path, string body)
    : Exception($"{method} {path} answered {(int)status} {status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
    public string Body { get; } = body;

    public JsonElement Problem => JsonDocument.Parse(string.IsNullOrEmpty(Body) ? "{}" : Body).RootElement;
}

/// <summary>The shared HTTP plumbing of the typed clients: JSON as the services write it, errors as <see cref="ApiException"/>.</summary>
public abstract class ApiClientBase(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected HttpClient Http { get; } = http;

    protected async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, "GET", path, cancellationToken);
    }

    protected async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Json, cancellationToken);
        return await ReadAsync<T>(response, "POST", path, cancellationToken);
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new ApiException(response.StatusCode, method, path, await response.Content.ReadAsStringAsync(cancellationToken));
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    protected static string Query(params (string Name, object? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>Signs in at the gateway and hands out the service clients, all sending that user's bearer token.</summary>
public sealed class EquipmentApi
{
    public EquipmentApi(HttpClient http)
    {
        Http = http;
        Reporting = new ReportingClient(http);
        Procurement = new ProcurementClient(http);
        Inventory = new InventoryClient(http);
        Maintenance = new MaintenanceClient(http);
    }

    public HttpClient Http { get; }
    public ReportingClient Reporting { get; }
    public ProcurementClient Procurement { get; }
    public InventoryClient Inventory { get; }
    public MaintenanceClient Maintenance { get; }

    /// <summary>A client for <paramref name="username"/>, signed in through <c>POST /api/auth/token</c>.</summary>
    public static async Task<EquipmentApi> SignInAsync(Uri gateway, string username, string password, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var token = await new AuthClient(http).IssueTokenAsync(username, password, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new EquipmentApi(http);
    }
}

public sealed class AuthClient(HttpClient http) : ApiClientBase(http)
{
    public Task<TokenResponse> IssueTokenAsync(string username, string password, CancellationToken cancellationToken = default) =>
        PostAsync<TokenResponse>("api/auth/token", new { username, password }, cancellationToken);
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
