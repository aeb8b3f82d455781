using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Equipment.Procurement.Tests;

/// <summary>
/// Validates against the official OCDS 1.1.5 schemas in ../shared/standards. No JSON Schema draft-4 validator restores
/// here (NJsonSchema's dependencies are absent), so this implements exactly the keywords those two schemas use:
/// type, $ref, properties, required, items, enum, pattern, patternProperties, minLength, minItems, uniqueItems and
/// format (date-time, uri). An unknown keyword in the schema makes the validator throw rather than pass silently.
/// </summary>
public sealed class OcdsSchema
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";
    private static readonly HashSet<string> Known =
    [
        "type", "$ref", "properties", "required", "items", "enum", "pattern", "patternProperties", "minLength", "minItems", "uniqueItems", "format",
        "title", "description", "codelist", "openCodelist", "deprecated", "deprecatedVersion", "omitWhenMerged", "wholeListMerge", "versionId",
        "id", "$schema", "default", "definitions",
    ];

    private readonly JsonElement _package;
    private readonly JsonElement _release;

    public OcdsSchema(string folder)
    {
        _package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "release-package-schema.json"))).RootElement;
        _release = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "release-schema.json"))).RootElement;
    }

    public static string Folder => Path.Combine(FindRoot(), "..", "shared", "standards", "ocds-1.1.5");

    public static OcdsSchema Load() =>
        Directory.Exists(Folder)
            ? new(Folder)
            : throw new DirectoryNotFoundException($"The official OCDS schemas are expected beside the repository, at {Path.GetFullPath(Folder)} (../shared/standards).");

    public IReadOnlyList<string> ValidatePackage(JsonElement instance)
    {
        var errors = new List<string>();
        Validate(instance, _package, _package, "$", errors);
        return errors;
    }

    private void Validate(JsonElement value, JsonElement schema, JsonElement root, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
            if (!Known.Contains(keyword.Name))
                throw new NotSupportedException($"The schema uses '{keyword.Name}', which this validator does not implement.");

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            if (target == ReleaseSchemaUrl) Validate(value, _release, _release, path, errors);
            else if (target.StartsWith("#/definitions/", StringComparison.Ordinal))
                Validate(value, root.GetProperty("definitions").GetProperty(target["#/definitions/".Length..]), root, path, errors);
            else throw new NotSupportedException($"$ref {target}");
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsType(value, t)))
            {
                errors.Add($"{path}: is {value.ValueKind}, expected {string.Join("|", types)}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: '{value}' is not one of {allowed}");

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
                errors.Add($"{path}: shorter than {minLength}");
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
                errors.Add($"{path}: '{text}' does not match {pattern}");
            if (schema.TryGetProperty("format", out var format))
            {
                var ok = format.GetString() switch
                {
                    "date-time" => DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                    var other => throw new NotSupportedException($"format {other}"),
                };
                if (!ok) errors.Add($"{path}: '{text}' is not a {format}");
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = value.EnumerateArray().ToList();
            if (schema.TryGetProperty("minItems", out var minItems) && items.Count < minItems.GetInt32())
                errors.Add($"{path}: fewer than {minItems} items");
            if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean()
                && items.Select(i => i.GetRawText()).Distinct().Count() != items.Count)
                errors.Add($"{path}: items are not unique");
            if (schema.TryGetProperty("items", out var itemSchema))
                for (var i = 0; i < items.Count; i++) Validate(items[i], itemSchema, root, $"{path}[{i}]", errors);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: '{name}' is required");
            foreach (var property in value.EnumerateObject())
            {
                if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(property.Name, out var propertySchema))
                    Validate(property.Value, propertySchema, root, $"{path}.{property.Name}", errors);
                if (schema.TryGetProperty("patternProperties", out var patterns))
                    foreach (var p in patterns.EnumerateObject().Where(p => Regex.IsMatch(property.Name, p.Name)))
                        Validate(property.Value, p.Value, root, $"{path}.{property.Name}", errors);
            }
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type {type}"),
    };

    /// <summary>The codes of an official OCDS codelist (first CSV column).</summary>
    public static HashSet<string> Codelist(string name) =>
        File.ReadAllLines(Path.Combine(Folder, "codelists", name + ".csv")).Skip(1).Select(l => l.Split(',')[0].Trim('"')).ToHashSet();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Equipment.sln");
    }
}
