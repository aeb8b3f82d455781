using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>What makes each service's OpenAPI document true: one schema name per type, and the refusals every operation can answer.</summary>
public static class OpenApiDocumentation
{
    /// <summary>
    /// The default name, prefixed with the declaring type for a nested type (<c>DeployAsset.Command</c> →
    /// <c>DeployAssetCommand</c>), so that two different types never share one schema.
    /// </summary>
    public static string? SchemaId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null || !type.Type.IsNested) return id;
        var prefix = "";
        for (var declaring = type.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
            prefix = declaring.Name + prefix;
        return prefix + id;
    }

    private static readonly (string Status, string Description)[] Refusals =
    [
        ("400", "The request is malformed or breaks a rule: a problem naming the field (JSON path) and the rule."),
        ("401", "No valid bearer token."),
        ("403", "The caller's role may not do this."),
        ("404", "No such record, or not one the caller may see."),
        ("409", "The record's current state does not allow this: a problem naming that state."),
    ];

    /// <summary>Adds the RFC 7807 problem answers to every <c>/api</c> operation that does not describe them itself.</summary>
    public static async Task DescribeRefusals(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true) return;
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, description) in Refusals)
        {
            if (operation.Responses.ContainsKey(status)) continue;
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            };
        }
    }
}
