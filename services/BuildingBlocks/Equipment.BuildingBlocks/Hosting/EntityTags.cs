using System.Linq.Expressions;
using Equipment.BuildingBlocks.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>
/// HTTP preconditions over an aggregate's row version (<see cref="ServiceDbContext.RowVersion"/>): a read answers its
/// <c>ETag</c> (<c>"&lt;version&gt;"</c>); a write honours <c>If-Match</c>. A write whose <c>If-Match</c> names no
/// current tag is answered 412, a problem naming the current ETag, version and state, before anything is done; one
/// that matches is saved only where the row still has that version (a write that slipped in between is a 412 too), and
/// answers the new ETag. Without <c>If-Match</c> a write behaves as before (a lost race is a 409). One line per
/// endpoint: <c>.WithEntityTag&lt;Contract&gt;("contractId")</c>.
/// </summary>
public static class EntityTags
{
    /// <summary>The <c>HttpContext.Items</c> key of the versions a request's If-Match promised, by entity type and key.</summary>
    internal const string ExpectedVersions = "Equipment.ExpectedVersions";

    public static string Format(int version) => $"\"{version}\"";

    /// <summary>A version no row has: a save expecting it is refused as stale.</summary>
    private const int NoVersion = -1;

    /// <summary>GET: answers the ETag of the aggregate named by the route value; any other method also honours If-Match.</summary>
    public static RouteHandlerBuilder WithEntityTag<TEntity>(this RouteHandlerBuilder builder, string routeValue) where TEntity : class
    {
        builder.AddEndpointFilterFactory((_, next) =>
        {
            return async invocation =>
            {
                var http = invocation.HttpContext;
                var db = http.RequestServices.GetRequiredService<ServiceDbContext>();
                var key = KeyOf<TEntity>(db, http.Request.RouteValues[routeValue]?.ToString());
                if (key is null) return await next(invocation);
                var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
                if (!read && http.Request.Headers.IfMatch.Count > 0 && await CurrentAsync<TEntity>(db, key, http.RequestAborted) is { } current)
                {
                    if (Matches(http.Request.Headers.IfMatch, current.Version))
                        Expect(http, typeof(TEntity), key, current.Version);
                    else if (http.RequestServices.GetService<Auth.CurrentUser>()?.DonorScope is null)
                        return PreconditionFailed(http, current.Version, current.State ?? await DerivedStateAsync<TEntity>(db, key, http.RequestAborted));
                    else
                        // A donor's monitor may not see the record at all: the handler's own scoped read answers first
                        // (404 for another donor's), and the save is refused as stale (412) only for one it may see.
                        Expect(http, typeof(TEntity), key, NoVersion);
                }
                var result = await next(invocation);
                // Only an answer that is the record's carries its tag: a 404 for another donor's record does not tell it exists.
                if (result is not IStatusCodeHttpResult { StatusCode: >= 300 } && await CurrentAsync<TEntity>(db, key, http.RequestAborted) is { } now)
                    http.Response.Headers.ETag = Format(now.Version);
                return result;
            };
        });
        return builder;
    }

    /// <summary>Whether any tag of the If-Match header names <paramref name="version"/> (or is <c>*</c>); weak tags compare by their opaque part.</summary>
    public static bool Matches(IEnumerable<string?> ifMatch, int version)
    {
        var wanted = Format(version);
        foreach (var value in ifMatch)
        {
            if (value is null) continue;
            foreach (var raw in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
                if (tag == "*" || tag == wanted) return true;
            }
        }
        return false;
    }

    /// <summary>The 412 problem: what the caller sent, and the current ETag, version and state to reload from.</summary>
    public static IResult PreconditionFailed(HttpContext http, int version, string? state)
    {
        http.Response.Headers.ETag = Format(version);
        return TypedResults.Problem(Problem(http.Request.Headers.IfMatch.ToString(), version, state));
    }

    internal static ProblemDetails Problem(string sent, int version, string? state) => new()
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Title = "The record has changed since it was read",
        Detail = $"If-Match {sent} does not name the current version {Format(version)}" + (state is null ? "" : $" (it is now {state})") +
                 ": nothing was changed; reload it and try again.",
        Extensions =
        {
            ["rule"] = "PreconditionFailed",
            ["currentETag"] = Format(version),
            ["currentVersion"] = version,
            ["currentState"] = state ?? "Changed",
        },
    };

    private static void Expect(HttpContext http, Type entity, object key, int version)
    {
        if (http.Items[ExpectedVersions] is not Dictionary<(Type, string), int> expected)
            http.Items[ExpectedVersions] = expected = [];
        expected[(entity, key.ToString()!)] = version;
    }

    /// <summary>The route value as the aggregate's key, or null when it is not one (the endpoint then answers as it would).</summary>
    private static object? KeyOf<TEntity>(ServiceDbContext db, string? raw) where TEntity : class
    {
        if (raw is null) return null;
        var key = Key<TEntity>(db);
        if (key.ClrType == typeof(Guid)) return Guid.TryParse(raw, out var id) ? id : null;
        if (key.ClrType == typeof(string)) return raw;
        if (key.ClrType == typeof(int)) return int.TryParse(raw, out var number) ? number : null;
        throw new InvalidOperationException($"{typeof(TEntity).Name}'s key is a {key.ClrType.Name}: not supported by entity tags.");
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IProperty Key<TEntity>(ServiceDbContext db) where TEntity : class
    {
        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
        if (type.FindProperty(ServiceDbContext.RowVersion) is null)
            throw new InvalidOperationException($"{typeof(TEntity).Name} has no {ServiceDbContext.RowVersion}: mark it with HasRowVersion to give it an ETag.");
        return type.FindPrimaryKey()!.Properties.Single();
    }

    /// <summary>The state of an aggregate whose <c>Status</c> (or <c>&lt;Type&gt;Status</c>) is worked out rather than stored (a tender's, from its lots): read whole.</summary>
    private static async Task<string?> DerivedStateAsync<TEntity>(ServiceDbContext db, object key, CancellationToken cancellationToken) where TEntity : class
    {
        if ((typeof(TEntity).GetProperty("Status") ?? typeof(TEntity).GetProperty(typeof(TEntity).Name + "Status")) is not { } status) return null;
        var keyProperty = Key<TEntity>(db);
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var filter = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(
            Expression.Call(typeof(EF), nameof(EF.Property), [keyProperty.ClrType], entity, Expression.Constant(keyProperty.Name)),
            Expression.Constant(key, keyProperty.ClrType)), entity);
        var found = await db.Set<TEntity>().AsNoTracking().Where(filter).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : status.GetValue(found)?.ToString();
    }

    /// <summary>The aggregate's row version and state (its <c>Status</c>, when it has one) as stored now, or null when there is no such row.</summary>
    private static async Task<(int Version, string? State)?> CurrentAsync<TEntity>(ServiceDbContext db, object key, CancellationToken cancellationToken) where TEntity : class
    {
        // The tracked entity, when the handler loaded one, holds what it wrote (its version raised by the save).
        var type = db.Model.FindEntityType(typeof(TEntity))!;
        var keyProperty = Key<TEntity>(db);
        var tracked = db.ChangeTracker.Entries<TEntity>().FirstOrDefault(e => Equals(e.Property(keyProperty.Name).CurrentValue, key));
        if (tracked is not null && tracked.State is EntityState.Unchanged)
            return ((int)tracked.Property(ServiceDbContext.RowVersion).CurrentValue!, type.FindProperty("Status") is { } s ? tracked.Property(s.Name).CurrentValue?.ToString() : null);

        var entity = Expression.Parameter(typeof(TEntity), "e");
        Expression Property(Type clr, string name) => Expression.Call(typeof(EF), nameof(EF.Property), [clr], entity, Expression.Constant(name));
        var filter = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(Property(keyProperty.ClrType, keyProperty.Name), Expression.Constant(key, keyProperty.ClrType)), entity);
        var status = type.FindProperty("Status");
        var values = new List<Expression> { Expression.Convert(Property(typeof(int), ServiceDbContext.RowVersion), typeof(object)) };
        if (status is not null) values.Add(Expression.Convert(Property(status.ClrType, status.Name), typeof(object)));
        var projection = Expression.Lambda<Func<TEntity, object[]>>(Expression.NewArrayInit(typeof(object), values), entity);
        var row = await db.Set<TEntity>().AsNoTracking().Where(filter).Select(projection).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        return ((int)row[0], row.Length > 1 ? row[1]?.ToString() : null);
    }
}
