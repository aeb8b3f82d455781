using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>
/// The rules every value a client sends must keep, whatever the operation, checked at the edge before any handler runs:
/// no null item in an array, no control character in a text (so that no stored value can break a CSV, an Excel sheet,
/// an XML file or PostgreSQL, which refuses NUL), no text longer than <see cref="MaxTextLength"/> characters (a field
/// with a tighter rule of its own says so in its validator), amounts within ±10^12, dates between 1900 and 2199. Bodies are walked
/// with the same JSON contract that read them, so a refusal names the member by its JSON path (<c>$.lots[0]</c>);
/// route and query values are named by their parameter. Every refusal is a 400 problem with the field and the rule.
/// </summary>
public static class InputGuard
{
    public const decimal MaxMagnitude = 1_000_000_000_000m;
    /// <summary>The longest text any field takes (the longest a validator allows is 4,000): a megabyte of text is refused at the edge.</summary>
    public const int MaxTextLength = 10_000;
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);
    private const int MaxDepth = 64;

    /// <summary>Checks every argument of every endpoint in the group (or of the one endpoint).</summary>
    public static TBuilder RefuseUnsafeInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters()
            .Select((p, i) => (Index: i, Name: NameOf(p), Checked: IsChecked(p)))
            .Where(p => p.Checked)
            .ToList();
        if (parameters.Count == 0) return next;
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return invocation =>
        {
            var failures = new List<ValidationFailure>();
            foreach (var (index, name, _) in parameters)
            {
                if (index >= invocation.Arguments.Count) continue;
                var value = invocation.Arguments[index];
                if (value is null) continue;
                if (IsScalar(value.GetType())) CheckScalar(value, name, failures);
                else Walk(value, "$", json, failures, 0);
            }
            if (failures.Count > 0) throw new ValidationException(failures);
            return next(invocation);
        };
    }

    /// <summary>What a client sends: scalars from the route, query or headers, and bodies (types of the Contracts projects).</summary>
    private static bool IsChecked(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (IsScalar(type)) return true;
        if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null) return true;
        return type.Assembly.GetName().Name?.EndsWith(".Contracts", StringComparison.Ordinal) == true;
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name
        ?? parameter.Name ?? "?";

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    private static void Walk(object value, string path, JsonSerializerOptions options, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth) return;   // the reader's own depth limit (64) already refused anything deeper
        var type = value.GetType();
        if (IsScalar(type)) { CheckScalar(value, path, failures); return; }
        if (type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(TimeSpan) || type == typeof(TimeOnly)) return;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.Get is null) continue;
                    if (property.Get(value) is { } member) Walk(member, $"{path}.{property.Name}", options, failures, depth + 1);
                }
                break;
            case JsonTypeInfoKind.Dictionary when value is IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? "";
                    var entryPath = $"{path}['{key}']";
                    CheckText(key, entryPath, failures);
                    if (entry.Value is null) failures.Add(Failure(entryPath, "NotNull", "must not be null."));
                    else Walk(entry.Value, entryPath, options, failures, depth + 1);
                }
                break;
            case JsonTypeInfoKind.Enumerable:
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    var itemPath = $"{path}[{i++}]";
                    if (item is null) failures.Add(Failure(itemPath, "NotNull", "An array may not hold null: leave the item out."));
                    else Walk(item, itemPath, options, failures, depth + 1);
                }
                break;
        }
    }

    private static void CheckScalar(object value, string path, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case string s: CheckText(s, path, failures); break;
            case decimal d when d is > MaxMagnitude or < -MaxMagnitude:
                failures.Add(Failure(path, "Range", "must be between -1,000,000,000,000 and 1,000,000,000,000."));
                break;
            case DateOnly date: CheckDate(date, path, failures); break;
            case DateTime instant: CheckDate(DateOnly.FromDateTime(instant), path, failures); break;
            case DateTimeOffset instant: CheckDate(DateOnly.FromDateTime(instant.UtcDateTime), path, failures); break;
        }
    }

    private static void CheckDate(DateOnly date, string path, List<ValidationFailure> failures)
    {
        if (date < EarliestDate || date > LatestDate)
            failures.Add(Failure(path, "DateRange", $"must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}."));
    }

    /// <summary>Tab, line feed and carriage return are text; every other C0 and C1 control character and the two non-characters U+FFFE and U+FFFF are not.</summary>
    public static bool IsRefused(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF';

    private static void CheckText(string text, string path, List<ValidationFailure> failures)
    {
        if (text.Length > MaxTextLength)
        {
            failures.Add(Failure(path, "MaxLength", $"must be at most {MaxTextLength:N0} characters long (it has {text.Length:N0})."));
            return;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsRefused(text[i])) continue;
            failures.Add(Failure(path, "NoControlCharacters", $"must not contain control characters (U+{(int)text[i]:X4} at position {i})."));
            return;
        }
    }

    private static ValidationFailure Failure(string path, string rule, string message) => new(path, message) { ErrorCode = rule };
}
