using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.BuildingBlocks.Errors;

/// <summary>
/// Turns the exceptions users can cause into RFC 7807 answers. Anything else is not handled here: it is logged
/// and answered 500 by the framework, because it is a defect to fix, not an answer to give.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException c => await ConcurrentChangeAsync(c, context.Request.Headers.IfMatch.ToString(), cancellationToken),
            Microsoft.EntityFrameworkCore.DbUpdateException u when UniqueViolation(u) is { } key => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict",
                Detail = $"A record with the same {key} already exists (perhaps recorded a moment ago by someone else): reload and try again.",
                Extensions = { ["rule"] = "Unique", ["key"] = key },
            },
            ValidationException v => Validation(v),
            RuleViolationException r => RuleViolation(r),
            StateConflictException s => StateConflict(s),
            ConflictException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = c.Message, Extensions = { ["rule"] = c.Rule },
            },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = n.Message },
            BadHttpRequestException b => Unreadable(b),
            _ => null,
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The loser of an optimistic-concurrency race: 409 with the state the record is in now (read again from the
    /// database), as a state conflict names it, or <c>Deleted</c>.
    /// </summary>
    private static async Task<ProblemDetails> ConcurrentChangeAsync(Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException exception, string ifMatch, CancellationToken cancellationToken)
    {
        string? current = null;
        int? version = null;
        if (exception.Entries.FirstOrDefault() is { } entry)
        {
            try
            {
                var values = await entry.GetDatabaseValuesAsync(cancellationToken);
                current = values is null ? "Deleted"
                    : entry.Metadata.FindProperty("Status") is { } status ? values[status]?.ToString()
                    : null;
                if (values is not null && entry.Metadata.FindProperty(Data.ServiceDbContext.RowVersion) is { } rowVersion) version = values[rowVersion] as int?;
            }
            catch (System.Data.Common.DbException)
            {
                current = null;   // the state could not be read again (e.g. an aborted transaction): the 409 stands without it
            }
        }
        // The caller said which version it read (If-Match): another write got there first, a failed precondition.
        if (ifMatch.Length > 0 && version is { } now) return Hosting.EntityTags.Problem(ifMatch, now, current);
        return new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The operation is not allowed in the current state",
            Detail = "Someone else changed this record at the same time" + (current is null ? "" : $" (it is now {current})") + "; reload it and try again.",
            Extensions = { ["rule"] = "ConcurrentChange", ["currentState"] = current ?? "Changed" },
        };
    }

    /// <summary>The key a unique index refused (SQLite: <c>Table.Column, …</c>; PostgreSQL: the index name), or null when it was not a unique violation.</summary>
    private static string? UniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite =>
            sqlite.Message.Split("constraint failed: ", 2) is [_, var columns] ? columns.TrimEnd('.', '\'', ' ') : "key",
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName ?? "key",
        _ => null,
    };

    private static ProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = string.Join(" ", exception.Errors.Select(e => $"{CamelCase(e.PropertyName)}: {e.ErrorMessage}")),
        };
        problem.Extensions["violations"] = exception.Errors
            .Select(e => new { field = CamelCase(e.PropertyName), rule = RuleName(e.ErrorCode), message = e.ErrorMessage })
            .ToArray();
        return problem;
    }

    /// <summary>
    /// A body or parameter that cannot be bound: the JSON path of the member (<c>$.lines[0].quantity</c>) and why
    /// (not JSON, the wrong type, an unknown member), so that the caller can fix the one field.
    /// </summary>
    private static ProblemDetails Unreadable(BadHttpRequestException exception)
    {
        if (exception.InnerException is not System.Text.Json.JsonException json)
            return new ProblemDetails { Status = exception.StatusCode, Title = "The request could not be read", Detail = exception.Message };
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path;
        var message = json.Message.Split(" Path: ")[0];
        var rule = message.Contains("could not be mapped", StringComparison.Ordinal) ? "UnknownMember"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "Type"
            : "Json";
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read",
            Detail = $"{field}: {message}",
        };
        problem.Extensions["violations"] = new[] { new { field, rule, message } };
        return problem;
    }

    private static ProblemDetails RuleViolation(RuleViolationException exception)
    {
        var field = CamelCase(exception.Field);
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] })
        {
            Status = exception.Status,
            Title = exception.Status == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "The request breaks a business rule",
            Detail = $"{field}: {exception.Message}",
        };
        problem.Extensions["violations"] = new[] { new { field, rule = exception.Rule, message = exception.Message } };
        return problem;
    }

    private static ProblemDetails StateConflict(StateConflictException exception) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The operation is not allowed in the current state",
        Detail = exception.Message,
        Extensions = { ["currentState"] = exception.CurrentState, ["allowed"] = exception.Allowed },
    };

    /// <summary>"NotEmptyValidator" → "NotEmpty"; custom codes pass through.</summary>
    private static string RuleName(string code) => code.EndsWith("Validator", StringComparison.Ordinal) ? code[..^"Validator".Length] : code;

    /// <summary>"Lines[0].Quantity" → "lines[0].quantity", to match the JSON the caller sent.</summary>
    public static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
