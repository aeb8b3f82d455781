using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Equipment.ApiClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Equipment.Portal;

public static class PortalClaims
{
    /// <summary>The gateway's bearer token, kept in the (HTTP-only, encrypted) sign-in cookie and sent on every API call.</summary>
    public const string AccessToken = "access_token";

    /// <summary>When the sign-in (the gateway's token, and so the cookie) ends, in Unix seconds.</summary>
    public const string SessionEnds = "session_ends";
}

/// <summary>
/// The typed API clients (Refit, registered in DI) for the signed-in user: <see cref="UserToken"/> sends the token the
/// gateway issued them, read from the sign-in cookie of the request being served.
/// </summary>
public sealed class PortalApi(IHttpClientFactory clients, IHttpContextAccessor context, IProcurementApi procurement, IInventoryApi inventory,
    IMaintenanceApi maintenance, IReportingApi reporting)
{
    public const string GatewayClient = "gateway";

    public Task<EquipmentApi> ForUserAsync() => Task.FromResult(ForRequest(context.HttpContext!, clients, procurement, inventory, maintenance, reporting));

    /// <summary>The clients for the user of a plain HTTP request (downloads, uploads, the small step forms), from their sign-in cookie.</summary>
    public static EquipmentApi ForRequest(HttpContext context, IHttpClientFactory clients) =>
        ForRequest(context, clients, context.RequestServices.GetRequiredService<IProcurementApi>(), context.RequestServices.GetRequiredService<IInventoryApi>(),
            context.RequestServices.GetRequiredService<IMaintenanceApi>(), context.RequestServices.GetRequiredService<IReportingApi>());

    private static EquipmentApi ForRequest(HttpContext context, IHttpClientFactory clients, IProcurementApi procurement, IInventoryApi inventory,
        IMaintenanceApi maintenance, IReportingApi reporting)
    {
        // The downloads are passed through as they stream: a plain client for those, with the user's token.
        var http = clients.CreateClient(GatewayClient);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", context.User.FindFirstValue(PortalClaims.AccessToken));
        return new EquipmentApi(http, procurement, inventory, maintenance, reporting);
    }
}

/// <summary>Sends the signed-in user's gateway token (from their sign-in cookie) on every call of the typed clients.</summary>
public sealed class UserToken(IHttpContextAccessor context) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && context.HttpContext?.User.FindFirstValue(PortalClaims.AccessToken) is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Signs a user in with the gateway's identity: asks it for a token, and keeps the token and its roles in the cookie.</summary>
public sealed class GatewaySignIn(IAuthApi auth)
{
    /// <summary>The user, or why not: the name or password refused (no user), or too many attempts (when to try again).</summary>
    public sealed record Outcome(ClaimsPrincipal? User, TimeSpan? RetryAfter = null);

    public async Task<Outcome> SignInAsync(HttpContext context, string username, string password, CancellationToken cancellationToken)
    {
        TokenResponse token;
        try
        {
            // the gateway limits sign-ins per browser
            token = await auth.IssueTokenAsync(new TokenRequest(username, password), context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        }
        catch (ApiException e) when (e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            return new Outcome(null);
        }
        catch (ApiException e) when (e.Status is HttpStatusCode.TooManyRequests)
        {
            var after = e.Headers.RetryAfter?.Delta ?? (e.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            return new Outcome(null, after is { } a && a > TimeSpan.Zero ? a : TimeSpan.FromMinutes(1));
        }

        var payload = JsonDocument.Parse(Base64Url(token.AccessToken.Split('.')[1])).RootElement;
        var ends = DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, payload.TryGetProperty("name", out var name) ? name.GetString()! : username),
            new(PortalClaims.AccessToken, token.AccessToken),
            new(PortalClaims.SessionEnds, ends.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (payload.TryGetProperty("role", out var roles))
            claims.AddRange(roles.ValueKind == JsonValueKind.Array
                ? roles.EnumerateArray().Select(r => new Claim(ClaimTypes.Role, r.GetString()!))
                : [new Claim(ClaimTypes.Role, roles.GetString()!)]);

        // the user's own language, from their profile (the identity provider's locale claim), holds from this sign-in on
        // whatever this browser chose before; a switch on a page then holds for the rest of the session and in this browser
        if (payload.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String)
            PortalLanguages.Keep(context, locale.GetString());

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { ExpiresUtc = ends, IsPersistent = false });
        return new Outcome(principal);
    }

    private static string Base64Url(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=')));
    }
}

/// <summary>
/// Files the services render (reports, IATI, OCDS, certificates, labels), fetched with the user's token and in the
/// user's language (Accept-Language) and handed to the browser. Only these paths pass: the portal is not an open proxy.
/// </summary>
public static class Downloads
{
    private static readonly string[] Allowed =
    [
        "api/reporting/grants/", "api/reporting/iati/activities", "api/procurement/ocds/releases", "api/procurement/tenders/",
        "api/inventory/handovers/", "api/inventory/goods-received-notes/", "api/inventory/assets/",
    ];

    private static readonly string[] Endings = ["report.csv", "report.xlsx", "report.html", "iati/activities", "ocds/releases", "evaluation-report.html", "certificate.html", "note.html", "label.svg", "label.png", "export.csv"];

    public static void Map(WebApplication app) =>
        app.MapGet("/files/{**path}", async (string path, HttpContext context, IHttpClientFactory clients) =>
            {
                if (!Allowed.Any(path.StartsWith) || !Endings.Any(path.EndsWith) || path.Contains(".."))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                // Streamed through: an export of the whole register is many megabytes and is never held here.
                // printable documents (reports, certificates) are written in the user's language
                using var request = new HttpRequestMessage(HttpMethod.Get, path + context.Request.QueryString);
                request.Headers.AcceptLanguage.ParseAdd(PortalLanguages.Current);
                using var response = await PortalApi.ForRequest(context, clients).Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
                context.Response.StatusCode = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) return;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
                if (response.Content.Headers.ContentDisposition is { } disposition) context.Response.Headers.ContentDisposition = disposition.ToString();
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            })
            .RequireAuthorization();
}

/// <summary>
/// A problem-details answer made readable: a message for the form, and messages per field to show beside them, in the
/// user's language. The services answer in English for every client; what they refused is also said as codes (each
/// violation's <c>rule</c>, a conflict's <c>rule</c> and <c>currentState</c>), and the portal says those in French or
/// Arabic from <c>Resources/Problem.*.resx</c> ("Rule.NotEmpty"), keeping the service's English sentence only for a
/// rule it has no words for yet.
/// </summary>
public sealed class Problem
{
    private static readonly Lazy<Microsoft.Extensions.Localization.IStringLocalizer> Texts = new(() => PortalLanguages.Texts(typeof(Problem)));
    private static Microsoft.Extensions.Localization.IStringLocalizer T => Texts.Value;
    private static bool InEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Message { get; init; } = "";
    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Problem From(Exception exception)
    {
        if (exception is not ApiException api)
            return new Problem { Message = T["The service could not be reached. Try again in a moment."] };
        var problem = new Problem
        {
            Message = api.Status switch
            {
                HttpStatusCode.NotFound => T["Not found: it does not exist, or it belongs to another donor."],
                HttpStatusCode.Forbidden => T["Your role cannot do this."],
                HttpStatusCode.TooManyRequests => T["Too many requests: wait a moment and try again."],
                // a refusal naming fields: its detail repeats them as JSON paths; the fields are listed in the user's words instead
                _ when HasFieldErrors(api) => T["Not recorded: correct what is said below and send it again."],
                _ => Translated(api) ?? Text(api, "detail") ?? Text(api, "title") ?? T["The service answered {0}.", (int)api.Status],
            },
        };
        try
        {
            var rules = Rules(api);
            if (api.Problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    problem.Fields[field.Name] = field.Value.EnumerateArray()
                        .Select(m => m.GetString() ?? "")
                        .Select(m => rules.TryGetValue((field.Name, m), out var rule) ? RuleText(rule) ?? m : m)
                        .ToList();
        }
        catch (JsonException) { }
        return problem;
    }

    /// <summary>A rule's words in the user's language ("Rule.NotEmpty"), or null in English (the service's own sentence says more) or for a rule without them.</summary>
    public static string? RuleText(string rule)
    {
        if (InEnglish) return null;
        var text = T["Rule." + rule];
        return text.ResourceNotFound ? null : text.Value;
    }

    /// <summary>A conflict said in the user's language: its rule's words, or the state the record is in now.</summary>
    private static string? Translated(ApiException api)
    {
        if (InEnglish) return null;
        if (Text(api, "rule") is { } rule && RuleText(rule) is { } words) return words;
        if (Text(api, "currentState") is { } state)
            return api.Status == HttpStatusCode.PreconditionFailed
                ? T["Someone else changed this record since you opened it: reload it and try again."]
                : T["This cannot be done now: it is {0}.", Labels.State(state)];
        return null;
    }

    /// <summary>Each violation's rule, by field and message (<c>violations: [{ field, rule, message }]</c>).</summary>
    private static Dictionary<(string, string), string> Rules(ApiException api)
    {
        var rules = new Dictionary<(string, string), string>();
        if (api.Problem.TryGetProperty("violations", out var violations) && violations.ValueKind == JsonValueKind.Array)
            foreach (var v in violations.EnumerateArray())
                if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("field", out var f) && v.TryGetProperty("rule", out var r) && v.TryGetProperty("message", out var m)
                    && f.ValueKind == JsonValueKind.String && r.ValueKind == JsonValueKind.String && m.ValueKind == JsonValueKind.String)
                    rules.TryAdd((f.GetString()!.TrimStart('$', '.'), m.GetString()!), r.GetString()!);
        return rules;
    }

    public IEnumerable<string> For(string field) => Fields.TryGetValue(field, out var messages) ? messages : [];

    public bool Names(string field) => Fields.ContainsKey(field);

    /// <summary>The refusals of a list and of its items: <c>crossingPoints</c>, <c>crossingPoints[1]</c>, <c>crossingPoints[1].latitude</c>.</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> Under(string prefix) =>
        Fields.Where(f => f.Key.Equals(prefix, StringComparison.OrdinalIgnoreCase) || f.Key.StartsWith(prefix + "[", StringComparison.OrdinalIgnoreCase));

    public bool NamesUnder(string prefix) => Under(prefix).Any();

    /// <summary>The message and every field's refusal in words, in one sentence, for a page that cannot show them beside their fields.</summary>
    public string Summary() =>
        string.Join(" ", Fields.SelectMany(f => f.Value.Select(m => T["{0}: {1}", FieldName(f.Key), m].Value)).Prepend(Message));

    /// <summary>
    /// A field's JSON path in the user's words, for the summary of a refusal: <c>lines[0].units[1].manufacturer</c> →
    /// "Line 1, unit 2, manufacturer" ("Ligne 1, unité 2, fabricant"); <c>countryOfEstablishment</c> → "Country of
    /// establishment"; <c>$</c> → "The form". A field's words are translated by their English ("manufacturer",
    /// "line {0}") in <c>Resources/Problem.*.resx</c>.
    /// </summary>
    public static string FieldName(string path)
    {
        var parts = path.TrimStart('$', '.').Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var bracket = part.IndexOf('[');
            var name = Words(bracket < 0 ? part : part[..bracket]);
            if (bracket < 0 || !int.TryParse(part[(bracket + 1)..].TrimEnd(']'), out var index)) return FieldWords(name);
            var singular = name.EndsWith("ies") ? name[..^3] + "y" : name.EndsWith('s') ? name[..^1] : name;
            var numbered = T[singular + " {0}", index + 1];
            return numbered.ResourceNotFound ? $"{singular} {index + 1}" : numbered.Value;
        }).ToList();
        if (parts.Count == 0) return T["The form"];
        var text = string.Join(T[", "].Value, parts);
        return char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];
    }

    /// <summary>A field's English words ("signed on") in the user's language, or as they are when there is no translation.</summary>
    public static string FieldWords(string english)
    {
        var text = T[english];
        return text.ResourceNotFound ? english : text.Value;
    }

    /// <summary>"declarationSignedOn" → "declaration signed on".</summary>
    private static string Words(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static bool HasFieldErrors(ApiException api)
    {
        try
        {
            return api.Problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(ApiException api, string property)
    {
        try
        {
            return api.Problem.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The local address the portal calls the gateway from: <c>Portal:SourceAddress</c> when the gateway is on this
/// machine's loopback (where any 127.x address is ours), otherwise the system's choice.
/// </summary>
public static class GatewaySource
{
    public static System.Net.IPAddress? For(Uri gateway, string? configured) =>
        System.Net.IPAddress.TryParse(configured, out var source) && System.Net.IPAddress.TryParse(gateway.Host, out var target)
            && System.Net.IPAddress.IsLoopback(target) && System.Net.IPAddress.IsLoopback(source) && source.AddressFamily == target.AddressFamily
            ? source : null;

    public static HttpMessageHandler Handler(System.Net.IPAddress? source)
    {
        var handler = new SocketsHttpHandler();
        if (source is null) return handler;
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(source.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new System.Net.IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch (System.Net.Sockets.SocketException)
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }
}
