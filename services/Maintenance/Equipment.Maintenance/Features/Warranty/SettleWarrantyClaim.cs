using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Warranty;

/// <summary>The supplier's answer to a warranty claim (accepted or rejected), then its resolution with what the supplier bore.</summary>
public static class SettleWarrantyClaim
{
    public sealed record Command(Guid ClaimId, bool? Accepted, decimal? SupplierBore, string? Notes) : IRequest<WarrantyClaimResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.SupplierBore).GreaterThanOrEqualTo(0);
    }

    public sealed class Handler(MaintenanceDbContext db) : IRequestHandler<Command, WarrantyClaimResponse>
    {
        public async Task<WarrantyClaimResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var claim = await db.WarrantyClaims.FindAsync([c.ClaimId], cancellationToken) ?? throw new NotFoundException($"No warranty claim {c.ClaimId}.");
            if (c.Accepted is { } accepted) claim.Decide(accepted, c.Notes);
            else claim.Resolve(c.SupplierBore ?? throw new RuleViolationException("supplierBore", "NotEmpty", "Say what the supplier bore (0 if nothing)."));
            await db.SaveChangesAsync(cancellationToken);
            var serial = await db.Assets.AsNoTracking().Where(a => a.AssetId == claim.AssetId).Select(a => a.SerialNumber).SingleOrDefaultAsync(cancellationToken);
            return WarrantyClaimResponse.From(claim, serial);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/warranty-claims/{claimId:guid}/decision", (Guid claimId, DecideWarrantyClaimRequest body, IMediator mediator, CancellationToken ct) =>
                body.Accepted is null
                    ? throw new RuleViolationException("accepted", "NotEmpty", "Say whether the supplier accepted the claim.")
                    : mediator.Send(new Command(claimId, body.Accepted, null, body.Notes), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WarrantyClaim>("claimId")
            .WithName("DecideWarrantyClaim");
        api.MapPost("/warranty-claims/{claimId:guid}/resolution", (Guid claimId, ResolveWarrantyClaimRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(claimId, null, body.SupplierBore, null), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician))
            .WithEntityTag<WarrantyClaim>("claimId")
            .WithName("ResolveWarrantyClaim");
    }
}
