using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;

namespace Equipment.Maintenance.Features.Faults;

/// <summary>
/// Reports a fault seen on an asset: symptom, severity, who and when (now, or when it was seen if recorded later; never
/// ahead). Publishes <c>maintenance.fault-reported</c>, a failure in the donor's reliability figures.
/// </summary>
public static class ReportFault
{
    public sealed record Command(Guid AssetId, string Symptom, FaultSeverity? Severity, DateTime? ReportedAt = null) : IRequest<FaultReportResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Symptom).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Severity).NotNull();
            RuleFor(c => c.ReportedAt).Must(at => at!.Value.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).When(c => c.ReportedAt is not null)
                .WithMessage("A fault is reported once it was seen, not ahead of time.");
        }
    }

    public sealed class Handler(MaintenanceDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, FaultReportResponse>
    {
        public async Task<FaultReportResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(c.AssetId, null, cancellationToken);
            var fault = new FaultReport(asset.AssetId, c.Symptom, c.Severity!.Value, user.Name,
                c.ReportedAt?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime);
            db.Faults.Add(fault);
            db.Publish(new FaultReported(fault.Id, asset.AssetId, asset.GrantId, new DateTimeOffset(fault.ReportedAt, TimeSpan.Zero), fault.Severity)
                { OccurredAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return FaultReportResponse.From(fault);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/faults", async (Guid assetId, ReportFaultRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/maintenance/assets/{assetId}/faults", await mediator.Send(new Command(assetId, body.Symptom, body.Severity, body.ReportedAt), ct)))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician))
            .WithName("ReportFault");
}
