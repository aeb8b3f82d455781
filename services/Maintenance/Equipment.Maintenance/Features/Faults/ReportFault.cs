using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;

namespace Equipment.Maintenance.Features.Faults;

/// <summary>Reports a fault seen on an asset: symptom, severity, who and when.</summary>
public static class ReportFault
{
    public sealed record Command(Guid AssetId, string Symptom, FaultSeverity? Severity) : IRequest<FaultReportResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Symptom).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Severity).NotNull();
        }
    }

    public sealed class Handler(MaintenanceDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, FaultReportResponse>
    {
        public async Task<FaultReportResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var asset = await db.AssetAsync(c.AssetId, null, cancellationToken);
            var fault = new FaultReport(asset.AssetId, c.Symptom, c.Severity!.Value, user.Name, clock.GetUtcNow().UtcDateTime);
            db.Faults.Add(fault);
            await db.SaveChangesAsync(cancellationToken);
            return FaultReportResponse.From(fault);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assets/{assetId:guid}/faults", async (Guid assetId, ReportFaultRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/maintenance/assets/{assetId}/faults", await mediator.Send(new Command(assetId, body.Symptom, body.Severity), ct)))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician))
            .WithName("ReportFault");
}
