using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Status;

/// <summary>Records an asset's operational status from a moment on, with the reason; publishes <c>maintenance.asset-status-changed</c>.</summary>
public static class ChangeStatus
{
    public sealed record Command(Guid AssetId, OperationalStatus? Status, DateTime? At, string Reason) : IRequest<StatusChangeResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Status).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.At).LessThanOrEqualTo(_ => clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage("A status change is recorded once it happened.");
        }
    }

    public sealed class Handler(MaintenanceDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, StatusChangeResponse>
    {
        public async Task<StatusChangeResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(c.AssetId, null, cancellationToken);
            var last = await db.LastStatusChangeAsync(asset.AssetId, cancellationToken);
            var now = clock.GetUtcNow();
            var change = asset.ChangeStatus(c.Status!.Value, (c.At ?? now.UtcDateTime).ToUniversalTime(), c.Reason, user.Name, last);
            db.StatusHistory.Add(change);
            db.Publish(new AssetStatusChanged(asset.AssetId, change.Status, new DateTimeOffset(change.At, TimeSpan.Zero), change.Reason) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return StatusChangeResponse.From(change);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/assets/{assetId:guid}/status", (Guid assetId, ChangeStatusRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(assetId, body.Status, body.At, body.Reason), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithName("ChangeStatus");
        api.MapGet("/assets/{assetId:guid}/status-history", async (Guid assetId, MaintenanceDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var asset = await db.AssetAsync(assetId, user.DonorScope, ct);
                return (await db.StatusHistory.AsNoTracking().Where(s => s.AssetId == asset.AssetId).OrderBy(s => s.At).ToListAsync(ct)).Select(StatusChangeResponse.From).ToList();
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetStatusHistory");
    }
}
