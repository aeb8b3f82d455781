using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Hosting;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>
/// Saves what the monitor found of one sampled asset as soon as it is seen (<c>PUT /visits/{visitId}/findings/{assetId}</c>), so that
/// a lost connection on site loses at most the asset being recorded. Nothing is published until the visit is completed.
/// </summary>
public static class SaveFinding
{
    public sealed record Command(Guid VisitId, Guid AssetId, string? DonorScope, SaveFindingRequest Body) : IRequest<VisitResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Finding).NotNull().OverridePropertyName("finding");
            RuleFor(c => c.Body.SignsOfUse).NotNull().OverridePropertyName("signsOfUse");
            RuleFor(c => c.Body.VisibilityMarking).NotNull().OverridePropertyName("visibilityMarking");
            RuleFor(c => c.Body.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("latitude");
            RuleFor(c => c.Body.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("longitude");
            RuleFor(c => c.Body.Longitude).NotNull().When(c => c.Body.Latitude is not null).OverridePropertyName("longitude")
                .WithMessage("A position has a longitude as well as a latitude.");
            RuleFor(c => c.Body.Latitude).NotNull().When(c => c.Body.Longitude is not null).OverridePropertyName("latitude")
                .WithMessage("A position has a latitude as well as a longitude.");
            RuleFor(c => c.Body.Note).MaximumLength(2000).OverridePropertyName("note");
            RuleFor(c => c.Body.Note).NotEmpty().When(c => c.Body.Finding is Finding.Misused or Finding.NotFound).OverridePropertyName("note")
                .WithMessage("Say what was seen when an asset is misused or not found.");
            RuleFor(c => c.Body.PhotoReference).MaximumLength(200).OverridePropertyName("photoReference");
        }
    }

    public sealed class Handler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Command, VisitResponse>
    {
        public async Task<VisitResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == c.VisitId && (c.DonorScope == null || v.DonorCode == c.DonorScope), cancellationToken)
                ?? throw new NotFoundException($"No verification visit {c.VisitId}.");
            var now = clock.GetUtcNow().UtcDateTime;
            var b = c.Body;
            visit.SaveFinding(new AssetObservation(c.AssetId, b.Finding!.Value, b.SignsOfUse!.Value, b.VisibilityMarking!.Value, b.PhotoReference,
                b.Latitude, b.Longitude, b.ObservedAt?.ToUniversalTime() ?? now, b.Note), now);
            await db.SaveChangesAsync(cancellationToken);
            return VisitResponse.From(visit);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/visits/{visitId:guid}/findings/{assetId:guid}", (Guid visitId, Guid assetId, SaveFindingRequest body, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Command(visitId, assetId, user.DonorScope, body), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.DonorMonitor, Roles.Administrator))
            .WithEntityTag<VerificationVisit>("visitId")
            .WithName("SaveFinding");
}
