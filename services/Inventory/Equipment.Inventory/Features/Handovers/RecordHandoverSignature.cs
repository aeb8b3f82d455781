using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Contracts.Api;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Handovers;

/// <summary>Records that the printed certificate was signed by both parties, its signed scan attached: from then on its evidence is closed.</summary>
public static class RecordHandoverSignature
{
    public sealed record Command(Guid HandoverId, DateOnly? SignedOn) : IRequest<HandoverResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.SignedOn).NotNull();
    }

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Command, HandoverResponse>
    {
        public async Task<HandoverResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var certificate = await db.HandoverCertificates.FindAsync([c.HandoverId], cancellationToken)
                ?? throw new NotFoundException($"No handover certificate {c.HandoverId}.");
            var id = certificate.Id.ToString();
            var files = await db.Set<Attachment>().CountAsync(a => a.RecordType == HandoverEvidence.RecordType && a.RecordId == id, cancellationToken);
            certificate.RecordSignature(c.SignedOn!.Value, files, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            var assets = await db.Assets.AsNoTracking().Where(a => certificate.AssetIds.Contains(a.Id)).ToListAsync(cancellationToken);
            return HandoverResponse.From(certificate, assets);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/handovers/{handoverId:guid}/signature", (Guid handoverId, RecordSignatureRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(handoverId, body.SignedOn), ct))
            .RequireAuthorization(BuildingBlocks.Auth.JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<HandoverCertificate>("handoverId")
            .WithName("RecordHandoverSignature");
}
