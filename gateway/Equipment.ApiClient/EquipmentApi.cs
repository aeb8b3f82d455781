using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Equipment.BuildingBlocks.Contracts.Api;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Equipment.ApiClient;

/// <summary>JSON as the services write it: web defaults (camelCase) and enums as strings.</summary>
public static class EquipmentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Refit settings for the services: <see cref="Options"/>, and a refused call thrown as <see cref="ApiException"/>.</summary>
    public static RefitSettings Settings()
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(Options));
        settings.ExceptionFactory = async response =>
            response.IsSuccessStatusCode ? null : await ApiException.FromAsync(response, settings);
        return settings;
    }
}

/// <summary>
/// A refused or failed API call: Refit's exception (<see cref="Refit.ApiException.Content"/> holds the body) with the
/// RFC 7807 problem the service answered at hand.
/// </summary>
public sealed class ApiException : Refit.ApiException
{
    private ApiException(HttpRequestMessage request, HttpMethod method, string? content, HttpStatusCode status, string? reason,
        HttpResponseHeaders headers, RefitSettings settings)
        : base($"{method} {request.RequestUri?.PathAndQuery} answered {(int)status} {status}: {content}", request, method, content, status, reason, headers, settings)
    {
    }

    public HttpStatusCode Status => StatusCode;

    /// <summary>The problem details body (an empty object when the answer had none, or was not JSON).</summary>
    public JsonElement Problem
    {
        get
        {
            try
            {
                return JsonDocument.Parse(string.IsNullOrEmpty(Content) ? "{}" : Content).RootElement;
            }
            catch (JsonException)
            {
                return JsonDocument.Parse("{}").RootElement;
            }
        }
    }

    internal static async Task<Exception> FromAsync(HttpResponseMessage response, RefitSettings settings)
    {
        var request = response.RequestMessage ?? new HttpRequestMessage();
        var content = response.Content is null ? null : await response.Content.ReadAsStringAsync();
        return new ApiException(request, request.Method, content, response.StatusCode, response.ReasonPhrase, response.Headers, settings);
    }
}

/// <summary>The service APIs for one user, all sending that user's bearer token; <see cref="Http"/> for the streamed downloads the portal passes through.</summary>
public sealed class EquipmentApi(HttpClient http, IProcurementApi procurement, IInventoryApi inventory, IMaintenanceApi maintenance, IReportingApi reporting)
{
    public HttpClient Http { get; } = http;
    public IProcurementApi Procurement { get; } = procurement;
    public IInventoryApi Inventory { get; } = inventory;
    public IMaintenanceApi Maintenance { get; } = maintenance;
    public IReportingApi Reporting { get; } = reporting;

    /// <summary>The APIs on <paramref name="http"/> (its base address the gateway's or a service's root), for code without DI: tests, the demo seed.</summary>
    public static EquipmentApi For(HttpClient http)
    {
        var settings = EquipmentJson.Settings();
        return new EquipmentApi(http, RestService.ForGenerated<IProcurementApi>(http, settings), RestService.ForGenerated<IInventoryApi>(http, settings),
            RestService.ForGenerated<IMaintenanceApi>(http, settings), RestService.ForGenerated<IReportingApi>(http, settings));
    }

    public static IAuthApi AuthFor(HttpClient http) => RestService.ForGenerated<IAuthApi>(http, EquipmentJson.Settings());

    /// <summary>A client for <paramref name="username"/>, signed in through <c>POST /api/auth/token</c>.</summary>
    public static async Task<EquipmentApi> SignInAsync(Uri gateway, string username, string password, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient(new PreconditionHandler(new HttpClientHandler())) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var token = await AuthFor(http).IssueTokenAsync(new TokenRequest(username, password), cancellationToken: cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return For(http);
    }
}

public static class EquipmentApiRegistration
{
    /// <summary>
    /// Registers the five generated Refit clients against <paramref name="gateway"/>; <paramref name="configure"/> adds to
    /// each (e.g. the handler that sends the user's token).
    /// </summary>
    public static IServiceCollection AddEquipmentApi(this IServiceCollection services, Uri gateway, TimeSpan timeout, Action<IHttpClientBuilder>? configure = null)
    {
        void Add<T>() where T : class
        {
            var builder = services.AddRefitGeneratedClient<T>(_ => EquipmentJson.Settings())
                .ConfigureHttpClient(http =>
                {
                    http.BaseAddress = gateway;
                    http.Timeout = timeout;
                })
                .AddHttpMessageHandler(() => new PreconditionHandler());
            configure?.Invoke(builder);
        }

        Add<IAuthApi>();
        Add<IProcurementApi>();
        Add<IInventoryApi>();
        Add<IMaintenanceApi>();
        Add<IReportingApi>();
        return services;
    }
}
