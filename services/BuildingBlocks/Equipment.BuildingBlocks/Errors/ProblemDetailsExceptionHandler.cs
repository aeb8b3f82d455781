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
            ValidationException v => Validation(v),
            RuleViolationException r => RuleViolation(r),
            StateConflictException s => StateConflict(s),
            ConflictException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = c.Message, Extensions = { ["rule"] = c.Rule },
            },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = n.Message },
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict",
                Detail = "Someone else changed this record at the same time; reload it and try again.",
                Extensions = { ["rule"] = "ConcurrentChange" },
            },
            BadHttpRequestException b => Unreadable(b),
            _ => null,
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

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
            Status = StatusCodes.Status400BadRequest,
            Title = "The request breaks a business rule",
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
