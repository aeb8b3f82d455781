using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Equipment.Testing;

/// <summary>Checks a service's OpenAPI document against the endpoints it really maps.</summary>
public static partial class OpenApiAssert
{
    private static readonly JsonSerializerOptions TypeInfo = new(JsonSerializerOptions.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>
    /// Every <c>/api</c> operation that binds a body documents that very type as its request schema (same name, same
    /// properties), documents its refusals, and no two different types share a schema name.
    /// </summary>
    public static async Task EveryOperationDocumentsWhatItBindsAsync<TProgram>(WebApplicationFactory<TProgram> factory) where TProgram : class
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        var typeOfSchema = new Dictionary<string, Type>();
        var problems = new List<string>();
        var bodies = 0;

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            foreach (var method in methods)
            {
                var name = $"{method} {path}";
                var operation = document["paths"]?[path]?[method.ToLowerInvariant()];
                if (operation is null) { problems.Add($"{name}: not in the document"); continue; }
                foreach (var status in new[] { "400", "401", "403", "404" })
                    if (operation["responses"]?[status] is null) problems.Add($"{name}: does not document {status}");

                foreach (var produced in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.Type is not null && p.Type != typeof(void)))
                    Claim(produced.Type!, name, typeOfSchema, problems);

                var bound = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                if (bound is null || !bound.IsClass || bound == typeof(string) || bound == typeof(Stream)) continue;
                bodies++;
                var expected = Claim(bound, name, typeOfSchema, problems);
                var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                // An optional body is documented as "null or the type".
                var reference = (schema?["$ref"] ?? schema?["oneOf"]?.AsArray().Select(s => s?["$ref"]).FirstOrDefault(r => r is not null))?.GetValue<string>();
                if (reference != $"#/components/schemas/{expected}")
                {
                    problems.Add($"{name}: binds {bound.Name} but documents {reference ?? "no request schema"}");
                    continue;
                }
                var documented = schemas[expected!]?["properties"]?.AsObject().Select(p => p.Key).Order().ToList() ?? [];
                var actual = TypeInfo.GetTypeInfo(bound).Properties.Select(p => p.Name).Order().ToList();
                if (!documented.SequenceEqual(actual))
                    problems.Add($"{name}: schema {expected} has [{string.Join(", ", documented)}], {bound.Name} has [{string.Join(", ", actual)}]");
            }
        }

        Assert.True(bodies > 0, "no operation with a request body was found: the check would prove nothing");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The schema name of <paramref name="type"/> (element type for lists), which no other type may hold.</summary>
    private static string? Claim(Type type, string operation, Dictionary<string, Type> typeOfSchema, List<string> problems)
    {
        var info = TypeInfo.GetTypeInfo(type);
        if (info.ElementType is { } element) info = TypeInfo.GetTypeInfo(element);
        var id = OpenApiDocumentation.SchemaId(info);
        if (id is null) return null;
        if (typeOfSchema.TryGetValue(id, out var other) && other != info.Type)
            problems.Add($"{operation}: schema {id} is both {other.FullName} and {info.Type.FullName}");
        typeOfSchema[id] = info.Type;
        return id;
    }

    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
