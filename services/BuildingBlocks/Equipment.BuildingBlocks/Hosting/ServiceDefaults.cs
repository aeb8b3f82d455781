using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Mediation;
using Equipment.BuildingBlocks.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Equipment.BuildingBlocks.Hosting;

public static class ServiceDefaults
{
    /// <summary>
    /// Everything a service shares: JSON logs with trace ids, problem details, JWT auth, MediatR with validation,
    /// its DbContext (SQLite or PostgreSQL, migrated at start) with outbox and inbox, the outbox dispatcher, health checks and OpenAPI.
    /// </summary>
    public static WebApplicationBuilder AddEquipmentService<TDbContext, TSqliteDbContext, TPostgresDbContext>(this WebApplicationBuilder builder, string appId)
        where TDbContext : ServiceDbContext
        where TSqliteDbContext : TDbContext
        where TPostgresDbContext : TDbContext
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddJsonLogging();
        builder.AddEquipmentTelemetry(appId);

        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? c.HttpContext.TraceIdentifier;
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only: "kind": 99 would bind as a value no enum has (found by the fuzz suite).
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;   // "since" instead of "at" is an error, not ignored
        });
        // A body that cannot be bound reaches the problem handler, which names the field, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddEquipmentAuthentication(AuthOptions.FromConfiguration(configuration));
        services.AddMediatorFor(typeof(TDbContext).Assembly);

        var database = DatabaseOptions.FromConfiguration(configuration, appId);
        database.EnsureSqliteFolder();
        services.AddSingleton(database);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        // Interceptors registered in the container are applied too (the tests' save gate holds racing requests together).
        // Contexts are pooled: the options are built once and a request leases a context instead of building one and its
        // options (a tenth of the register page's CPU went to resolving and initialising a new context). The contexts
        // keep no state of their own; what a save needs of the request it reads through IHttpContextAccessor.
        void Configure(IServiceProvider sp, DbContextOptionsBuilder o) => database.Apply(o)
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>())
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        if (database.Provider == DatabaseProvider.Postgres)
            services.AddDbContextPool<TDbContext, TPostgresDbContext>(Configure);
        else
            services.AddDbContextPool<TDbContext, TSqliteDbContext>(Configure);
        services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TDbContext>());
        services.AddHostedService<DatabaseMigration<TDbContext>>();

        services.AddDaprMessaging(DaprOptions.FromConfiguration(configuration, appId));
        var outbox = new OutboxOptions();
        configuration.GetSection("Outbox").Bind(outbox);
        services.AddSingleton(outbox);
        services.AddHostedService<OutboxDispatcher<TDbContext>>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TDbContext>>("database", tags: ["ready"])
            .AddCheck<OutboxHealthCheck<TDbContext>>("outbox", tags: ["ready"])
            .AddCheck<SidecarHealthCheck>("sidecar", tags: ["ready"]);
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = OpenApiDocumentation.SchemaId;
            o.AddOperationTransformer(OpenApiDocumentation.DescribeRefusals);
        });
        return builder;
    }

    public static WebApplication UseEquipmentService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDaprDeliveries();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteHealthJson,
        });
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.DefaultFonts = false);   // /scalar/v1, with no fonts asked from the internet
        app.MapDaprSubscriptions();
        return app;
    }

    public static void AddJsonLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }

    private static Task WriteHealthJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
