using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Usage;

/// <summary>Records hours, km or patrols of an asset over a past period; negative, overlapping or future entries are refused.</summary>
public static class RecordUsage
{
    public sealed record Command(Guid AssetId, DateOnly? From, DateOnly? To, decimal? Hours, decimal? Km, int? Patrols) : IRequest<UsageLogResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotNull();
            RuleFor(c => c.To).NotNull();
        }
    }

    public sealed class Handler(MaintenanceDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, UsageLogResponse>
    {
        public async Task<UsageLogResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(c.AssetId, null, cancellationToken);
            var existing = await db.UsageLogs.Where(u => u.AssetId == asset.AssetId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var log = UsageLog.Record(asset.AssetId, c.From!.Value, c.To!.Value, c.Hours, c.Km, c.Patrols, DateOnly.FromDateTime(now.UtcDateTime), existing, user.Name);
            db.UsageLogs.Add(log);
            db.Publish(new UsageRecorded(asset.AssetId, asset.GrantId, log.From, log.To, log.Hours, log.Km, log.Patrols) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return UsageLogResponse.From(log);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/usage", async (Guid assetId, RecordUsageRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/maintenance/assets/{assetId}/usage", await mediator.Send(new Command(assetId, body.From, body.To, body.Hours, body.Km, body.Patrols), ct)))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician, Roles.LogisticsOfficer))
            .WithName("RecordUsage");
}
