using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Equipment.ApiClient;
using Equipment.AppHost;
using Xunit.Abstractions;

namespace Equipment.System.Tests;

/// <summary>
/// The fuzz suite: every operation of the four services' OpenAPI documents, through the gateway, with each role's token,
/// sent bad variants (invalid JSON, wrong types, nulls in arrays, huge and control-character strings, out-of-range
/// numbers and dates, unknown members, deep nesting, malformed ids in the path and bad values in the query). Asserted:
/// no 5xx; every 4xx is <c>application/problem+json</c>, and a refused body names the field it broke (its JSON path);
/// and nothing written: the row count of every table of every service's database is the same before and after.
/// CI sends a few variants per operation (<c>EQUIPMENT_FUZZ_VARIANTS</c>, default 4, to the first authorised role);
/// <c>EQUIPMENT_FUZZ_VARIANTS=all</c> sends every variant with every authorised role. It prints its figures either way.
/// </summary>
public class FuzzSuiteTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly string[] Roles = ["officer", "logistics", "technician", "monitor", "admin"];
    private readonly HttpClient _direct = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Every_operation_refuses_bad_input_with_a_problem_naming_the_field_and_writes_nothing()
    {
        var setting = Environment.GetEnvironmentVariable("EQUIPMENT_FUZZ_VARIANTS");
        var all = string.Equals(setting, "all", StringComparison.OrdinalIgnoreCase);
        var perOperation = all ? int.MaxValue : int.TryParse(setting, out var n) && n > 0 ? n : 4;
        var clock = Stopwatch.StartNew();

        // Something real to aim at: a grant and a signed contract (their ids fill the paths and bodies that name them).
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant);
        var known = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
        {
            ["grantId"] = grant.Id, ["contractId"] = contract.Id, ["tenderId"] = contract.TenderId, ["supplierId"] = contract.SupplierId,
        };
        var users = new Dictionary<string, HttpClient>();
        foreach (var role in Roles) users[role] = (await system.SignInAsync(role)).Http;
        await QuiescentAsync();
        var before = await RowCounts.OfAsync(system.Model);

        var operations = new List<Operation>();
        foreach (var service in EquipmentSystem.Services)
        {
            var document = JsonNode.Parse(await _direct.GetStringAsync(new Uri(system[service].Url, "openapi/v1.json")))!;
            operations.AddRange(Operation.AllIn(document, known));
        }
        Assert.True(operations.Count > 50, $"only {operations.Count} operations were found in the OpenAPI documents");

        var failures = new List<string>();
        var histogram = new SortedDictionary<int, int>();
        var requests = 0;
        var variantsSent = 0;
        var refusedByKestrel = 0;
        var setUp = clock.Elapsed;
        var fuzzing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, _) =>
        {
            var variants = operation.Variants().ToList();
            // Which roles may call it: the first variant tells (a refusal by authorization comes before any binding).
            var probes = await Task.WhenAll(Roles.Select(async role => (Role: role, Answer: await SendAsync(users[role], operation, variants[0]))));
            var authorised = new List<string>();
            foreach (var (role, answer) in probes)
            {
                Record(answer, operation, variants[0], role);
                if (answer.Status is not (401 or 403)) authorised.Add(role);
            }
            if (authorised.Count == 0) { lock (failures) failures.Add($"{operation}: no role may call it"); return; }
            var chosen = Spread(variants.Skip(1), perOperation).ToList();
            foreach (var role in all ? authorised : authorised.Take(1))
                foreach (var batch in chosen.Chunk(8))
                {
                    var answers = await Task.WhenAll(batch.Select(v => SendAsync(users[role], operation, v)));
                    foreach (var (answer, variant) in answers.Zip(batch)) Record(answer, operation, variant, role);
                }
            Interlocked.Add(ref variantsSent, chosen.Count + 1);
        });

        await QuiescentAsync();
        var after = await RowCounts.OfAsync(system.Model);
        var changed = before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t, -1) != after.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: {before.GetValueOrDefault(t, -1)} → {after.GetValueOrDefault(t, -1)}").ToList();

        output.WriteLine($"fuzz suite ({(all ? "all variants, every authorised role" : $"{perOperation} variants per operation, first authorised role")}): " +
            $"{operations.Count} operations, {variantsSent} variants, {requests} requests in {fuzzing.Elapsed.TotalSeconds:0.0} s ({requests / fuzzing.Elapsed.TotalSeconds:0} per s; set-up {setUp.TotalSeconds:0.0} s, " +
            $"all {clock.Elapsed.TotalSeconds:0.0} s); " +
            $"statuses: {string.Join(", ", histogram.Select(h => $"{h.Value} × {h.Key}"))} ({refusedByKestrel} of the 400s by Kestrel: a NUL in the path); {failures.Count} failures; " +
            $"{before.Count} tables, {changed.Count} changed");
        foreach (var failure in failures.Take(200)) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} answers broke the rules, e.g.:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.True(changed.Count == 0, "bad requests wrote something: " + string.Join("; ", changed));

        void Record(Answer answer, Operation operation, Variant variant, string role)
        {
            lock (failures) RecordOne(answer, operation, variant, role);
        }

        void RecordOne(Answer answer, Operation operation, Variant variant, string role)
        {
            requests++;
            histogram[answer.Status] = histogram.GetValueOrDefault(answer.Status) + 1;
            var what = $"{operation} [{variant.Kind} {variant.Field ?? variant.Path[..Math.Min(variant.Path.Length, 120)]}] as {role}: {answer.Status}";
            if (answer.Status >= 500) { failures.Add($"{what} {Cut(answer.Body)}"); return; }
            // A NUL in the path is refused by Kestrel itself (400, no body, connection closed) before any application
            // code runs, the gateway's included: nothing there can answer with a problem.
            if (answer is { Status: 400, Body: "", ClosedByServer: true } && variant.Path.Contains("%00", StringComparison.Ordinal)) { refusedByKestrel++; return; }
            if (answer.Status is >= 200 and < 300 && operation.Method != "GET") { failures.Add($"{what}: a bad request was accepted {Cut(answer.Body)}"); return; }
            if (answer.Status < 400) return;
            if (answer.ContentType != "application/problem+json") { failures.Add($"{what} answered {answer.ContentType ?? "no content type"}: {Cut(answer.Body)}"); return; }
            JsonNode? problem;
            try { problem = JsonNode.Parse(answer.Body); }
            catch (global::System.Text.Json.JsonException) { failures.Add($"{what}: the problem is not JSON: {Cut(answer.Body)}"); return; }
            if (problem?["status"]?.GetValue<int>() != answer.Status) { failures.Add($"{what}: the problem's status is not the answer's: {Cut(answer.Body)}"); return; }
            if (variant.Field is not null && answer.Status == 400 && !Names(problem, variant.Field))
                failures.Add($"{what}: the problem does not name {variant.Field}: {Cut(answer.Body)}");
            else if (variant.Field is not null && answer.Status is not (400 or 401 or 403 or 413))
                failures.Add($"{what}: a bad body was not refused as such (it is read before anything else is looked at): {Cut(answer.Body)}");
        }
    }

    /// <summary>Whether the problem's errors (or violations) name <paramref name="field"/> or a member inside it.</summary>
    private static bool Names(JsonNode problem, string field)
    {
        static string Normal(string path) => (path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path).ToLowerInvariant();
        var wanted = Normal(field);
        var named = (problem["errors"]?.AsObject().Select(e => e.Key) ?? [])
            .Concat(problem["violations"]?.AsArray().Select(v => v?["field"]?.GetValue<string>() ?? "") ?? []);
        return wanted == "$" ? named.Any() : named.Select(Normal).Any(n => n == wanted || n.StartsWith(wanted + ".", StringComparison.Ordinal) || n.StartsWith(wanted + "[", StringComparison.Ordinal));
    }

    /// <summary>Up to <paramref name="count"/> variants, taken in turn from each kind so that every kind is sent.</summary>
    private static IEnumerable<Variant> Spread(IEnumerable<Variant> variants, int count) =>
        variants.GroupBy(v => v.Kind)
            .SelectMany(g => g.Select((v, i) => (v, i)))
            .OrderBy(x => x.i).ThenBy(x => x.v.Kind, StringComparer.Ordinal)
            .Select(x => x.v)
            .Take(count);

    private static async Task<Answer> SendAsync(HttpClient user, Operation operation, Variant variant)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), variant.Path);
        if (variant.Body is not null)
            request.Content = new StringContent(variant.Body, new MediaTypeHeaderValue(variant.ContentType ?? "application/json") { CharSet = "utf-8" });
        using var response = await user.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.ConnectionClose == true);
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private async Task QuiescentAsync()
    {
        var deadline = TimeSpan.FromMinutes(2);
        foreach (var service in EquipmentSystem.Services)
            await Poll.UntilAsync(async () => (await _direct.GetFromJsonAsync<JsonObject>(new Uri(system[service].Url, "health/ready")))!["checks"]!["outbox"]!["data"]!["backlog"]!.GetValue<int>(),
                backlog => backlog == 0, deadline, $"{service}'s outbox to drain");
        await Poll.UntilAsync(async () => (await _direct.GetFromJsonAsync<JsonObject>(new Uri(system[EquipmentSystem.Sidecar].Url, "v1.0/metadata")))!["extended"]!["pendingDeliveries"]!.GetValue<string>(),
            pending => pending == "0", deadline, "the sidecar to deliver everything");
    }

    private sealed record Answer(int Status, string? ContentType, string Body, bool ClosedByServer);
}

/// <summary>One bad request: what it breaks (<see cref="Kind"/>, the body member <see cref="Field"/> when it is one), where it goes and what it carries.</summary>
public sealed record Variant(string Kind, string? Field, string Path, string? Body, string? ContentType = null);

/// <summary>An operation of an OpenAPI document and every bad variant of it.</summary>
public sealed class Operation
{
    private const string Huge = "huge";
    private static readonly string[] BadIds = ["not-a-guid", "0", "-1", "99999999999999999999999999", "%00", "%27%20OR%201%3D1--", "%E2%80%AE" + new string('f', 300)];

    private readonly JsonNode _document;
    private readonly JsonNode _operation;
    private readonly IReadOnlyDictionary<string, Guid> _known;

    public string Method { get; }
    public string Template { get; }

    private Operation(JsonNode document, string method, string template, JsonNode operation, IReadOnlyDictionary<string, Guid> known)
    {
        _document = document;
        Method = method;
        Template = template;
        _operation = operation;
        _known = known;
    }

    public override string ToString() => $"{Method} {Template}";

    public static IEnumerable<Operation> AllIn(JsonNode document, IReadOnlyDictionary<string, Guid> known)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var (method, operation) in item!.AsObject())
                if (method is "get" or "post" or "put" or "patch" or "delete")
                    yield return new Operation(document, method.ToUpperInvariant(), path, operation!, known);
        }
    }

    private IEnumerable<(string Name, string In, JsonNode Schema)> Parameters =>
        (_operation["parameters"]?.AsArray() ?? []).Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"])));

    private JsonNode? BodySchema => _operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } s ? Resolve(s) : null;

    /// <summary>The path with every parameter a plausible value (a known id when the name is one), and the given query.</summary>
    private string PathWith(string? parameter = null, string? value = null, string? query = null)
    {
        var path = Template;
        foreach (var (name, place, schema) in Parameters.Where(p => p.In == "path"))
            path = path.Replace("{" + name + "}", name == parameter ? value! : Uri.EscapeDataString(Sample(schema, name)?.ToString() ?? "x"));
        return path.TrimStart('/') + (query is null ? "" : "?" + query);
    }

    public IEnumerable<Variant> Variants()
    {
        var body = BodySchema;
        var skeleton = body is null ? null : Sample(body, "$");
        string Body(JsonNode? node) => node?.ToJsonString() ?? "null";

        // The first variant is sent as every role: it is one that no role can make write anything.
        if (body is not null) yield return new Variant("invalid JSON", "$", PathWith(), "{\"");
        else yield return new Variant("no change", null, PathWith(), null);

        foreach (var (name, place, schema) in Parameters)
        {
            if (place == "path")
                foreach (var bad in BadIds) yield return new Variant("malformed id", null, PathWith(name, bad), body is null ? null : Body(skeleton));
            else if (place == "query")
                foreach (var bad in BadQueryValues(schema))
                    yield return new Variant("bad query", null, PathWith(query: $"{Uri.EscapeDataString(name)}={bad}"), body is null ? null : Body(skeleton));
        }
        if (body is null) yield break;

        yield return new Variant("invalid JSON", "$", PathWith(), "{\"a\": tru");
        yield return new Variant("invalid JSON", "$", PathWith(), "\u00ff\u00fe not JSON");
        yield return new Variant("wrong content type", null, PathWith(), Body(skeleton), "text/plain");
        if (skeleton is JsonObject root)
        {
            var unknown = (JsonObject)root.DeepClone();
            unknown["noSuchMember"] = 1;
            yield return new Variant("unknown member", "$.noSuchMember", PathWith(), Body(unknown));
            var first = root.FirstOrDefault().Key;
            if (first is not null)
            {
                var deep = new StringBuilder();
                deep.Append(new string('[', 10_000)).Append(new string(']', 10_000));
                var nested = root.ToJsonString();
                var at = nested.IndexOf($"\"{first}\":", StringComparison.Ordinal) + first.Length + 3;
                var end = Skip(nested, at);
                yield return new Variant("deep nesting", "$." + first, PathWith(), nested[..at] + deep + nested[end..]);
            }
        }
        yield return new Variant("deep nesting", "$", PathWith(), new string('[', 10_000) + new string(']', 10_000));

        foreach (var (path, schema) in Members(body, "$", 0))
            foreach (var (kind, value) in BadValues(schema))
            {
                var copy = skeleton!.DeepClone();
                Set(copy, path, value);
                yield return new Variant(kind, path, PathWith(), Body(copy));
            }
    }

    /// <summary>Every member below <paramref name="schema"/> by its JSON path (first item of each array), with its schema.</summary>
    private IEnumerable<(string Path, JsonNode Schema)> Members(JsonNode schema, string path, int depth)
    {
        if (depth > 6) yield break;
        if (Type(schema) == "object" && schema["properties"] is JsonObject properties)
            foreach (var (name, member) in properties)
            {
                var resolved = Resolve(member);
                yield return ($"{path}.{name}", resolved);
                foreach (var inner in Members(resolved, $"{path}.{name}", depth + 1)) yield return inner;
            }
        else if (Type(schema) == "array" && schema["items"] is { } items)
        {
            var resolved = Resolve(items);
            foreach (var inner in Members(resolved, $"{path}[0]", depth + 1)) yield return inner;
        }
    }

    private static IEnumerable<(string Kind, JsonNode? Value)> BadValues(JsonNode schema)
    {
        var format = schema["format"]?.GetValue<string>();
        switch (Type(schema))
        {
            case "array":
                yield return ("null in array", new JsonArray((JsonNode?)null));
                yield return ("wrong type", JsonValue.Create("not an array"));
                break;
            case "object":
                yield return ("wrong type", JsonValue.Create(42));
                yield return ("wrong type", new JsonArray(1, 2));
                break;
            case "integer":
                yield return ("wrong type", JsonValue.Create("two"));
                yield return ("wrong type", JsonValue.Create(1.5));
                yield return ("out of range", JsonNode.Parse("2147483648"));
                yield return ("out of range", JsonNode.Parse("1e400"));
                break;
            case "number":
                yield return ("wrong type", JsonValue.Create("two"));
                yield return ("wrong type", new JsonObject());
                yield return ("out of range", JsonNode.Parse("79228162514264337593543950336"));
                yield return ("out of range", JsonNode.Parse("10000000000001"));
                yield return ("out of range", JsonNode.Parse("-10000000000001"));
                break;
            case "boolean":
                yield return ("wrong type", JsonValue.Create("yes"));
                break;
            default:
                if (format is "date")
                {
                    yield return ("wrong type", JsonValue.Create("next June"));
                    yield return ("out of range", JsonValue.Create("0001-01-01"));
                    yield return ("out of range", JsonValue.Create("9999-12-31"));
                    yield return ("out of range", JsonValue.Create("2026-02-30"));
                }
                else if (format is "date-time")
                {
                    yield return ("wrong type", JsonValue.Create("yesterday"));
                    yield return ("out of range", JsonValue.Create("0001-01-01T00:00:00Z"));
                    yield return ("out of range", JsonValue.Create("9999-12-31T23:59:59Z"));
                }
                else if (format is "uuid")
                {
                    yield return ("wrong type", JsonValue.Create("not-a-guid"));
                    yield return ("wrong type", JsonValue.Create(7));
                }
                else if (schema["enum"] is JsonArray)
                {
                    yield return ("wrong type", JsonValue.Create("NoSuchValue"));
                    yield return ("wrong type", JsonValue.Create(99));
                }
                else
                {
                    yield return ("wrong type", JsonValue.Create(123));
                    yield return ("wrong type", new JsonArray("a"));
                    yield return ("control character", JsonValue.Create("ab\u0000cd"));
                    yield return ("control character", JsonValue.Create("\u001b[31mred\u0007"));
                    yield return (Huge, JsonValue.Create(new string('x', 1 << 20)));
                }
                break;
        }
    }

    private static IEnumerable<string> BadQueryValues(JsonNode schema)
    {
        var format = schema["format"]?.GetValue<string>();
        switch (Type(schema))
        {
            case "integer":
                return ["two", "2147483648", "-1", "0", "2147483647", "1e400"];
            case "number":
                return ["two", "79228162514264337593543950336"];
            case "boolean":
                return ["yes"];
            default:
                return format switch
                {
                    "date" => ["next%20June", "0001-01-01", "9999-12-31", "2026-02-30"],
                    "date-time" => ["yesterday", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"],
                    "uuid" => ["not-a-guid", "%00"],
                    _ => schema["enum"] is JsonArray ? ["NoSuchValue", "99", "%00"] : ["a%00b", "%1B%5B31m", new string('x', 2000)],
                };
        }
    }

    /// <summary>A plausible value for the schema (never sent as it is: every variant breaks something).</summary>
    private JsonNode? Sample(JsonNode schema, string name, int depth = 0)
    {
        var format = schema["format"]?.GetValue<string>();
        switch (Type(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < 6 && schema["properties"] is JsonObject properties)
                    foreach (var (member, s) in properties) result[member] = Sample(Resolve(s), member, depth + 1);
                return result;
            case "array":
                return depth < 6 && schema["items"] is { } items ? new JsonArray(Sample(Resolve(items), name, depth + 1)) : new JsonArray();
            case "integer": return JsonValue.Create(1);
            case "number": return JsonValue.Create(100);
            case "boolean": return JsonValue.Create(true);
            default:
                if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first) return first.DeepClone();
                return format switch
                {
                    "date" => JsonValue.Create(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd")),
                    "date-time" => JsonValue.Create(DateTime.UtcNow.ToString("O")),
                    "uuid" => JsonValue.Create((_known.TryGetValue(name, out var id) ? id : Guid.NewGuid()).ToString()),
                    _ => JsonValue.Create(name.EndsWith("Code", StringComparison.OrdinalIgnoreCase) ? "TN" : "Sample text"),
                };
        }
    }

    /// <summary>Follows <c>$ref</c> and picks the non-null alternative of <c>oneOf</c>/<c>anyOf</c>.</summary>
    private JsonNode Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = _document["components"]!["schemas"]![reference.Split('/').Last()];
                continue;
            }
            if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives)
            {
                schema = alternatives.FirstOrDefault(a => a?["type"]?.ToString() != "null" && !(a?["type"] is JsonArray t && t.Count == 1 && t[0]?.ToString() == "null"));
                continue;
            }
            return schema;
        }
        return schema ?? new JsonObject();
    }

    private static string? Type(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : null,
    };

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = path[2..].Replace("[0]", ".[0]").Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < steps.Length - 1; i++)
            node = steps[i] == "[0]" ? node.AsArray()[0]! : node[steps[i]]!;
        var last = steps[^1];
        if (last == "[0]") node.AsArray()[0] = value;
        else node[last] = value;
    }

    /// <summary>The end of the JSON value that starts at <paramref name="at"/>.</summary>
    private static int Skip(string json, int at)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json[at..]));
        reader.Read();
        reader.Skip();
        return at + Encoding.UTF8.GetCharCount(Encoding.UTF8.GetBytes(json[at..]), 0, (int)reader.BytesConsumed);
    }
}

/// <summary>The row count of every table of every service's database (SQLite files read-only, or PostgreSQL).</summary>
internal static class RowCounts
{
    public static async Task<Dictionary<string, long>> OfAsync(EquipmentSystem system)
    {
        var counts = new Dictionary<string, long>();
        foreach (var service in EquipmentSystem.Services)
        {
            if (system.Options.Postgres is { } server)
            {
                await using var connection = new Npgsql.NpgsqlConnection($"{server};Database={EquipmentSystem.DatabaseName(service, system.Options.DatabasePrefix)}");
                await connection.OpenAsync();
                await CountAsync(connection, service, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", counts);
            }
            else
            {
                var file = Path.Combine(system.DataDirectory, service + ".db");
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await CountAsync(connection, service, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", counts);
            }
        }
        return counts;
    }

    private static async Task CountAsync(global::System.Data.Common.DbConnection connection, string service, string listTables, Dictionary<string, long> counts)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            counts[$"{service}.{table}"] = Convert.ToInt64(await count.ExecuteScalarAsync());
        }
    }
}
