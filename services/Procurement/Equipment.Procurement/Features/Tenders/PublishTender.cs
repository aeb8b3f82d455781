using Equipment.BuildingBlocks.Hosting;
using Equipment.Procurement.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Tenders;

/// <summary>
/// Publishes a draft tender with its submission deadline, no earlier than the procedure's minimum period allows.
/// <c>publishedAt</c> defaults to now; an earlier date records a publication that happened outside the system.
/// </summary>
public static class PublishTender
{
    public sealed record Command(Guid TenderId, DateTime? PublishedAt, DateTime? SubmissionDeadline) : IRequest<TenderResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.SubmissionDeadline).NotNull();
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, TenderResponse>
    {
        public async Task<TenderResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            tender.Publish((c.PublishedAt ?? now.UtcDateTime).ToUniversalTime(), c.SubmissionDeadline!.Value.ToUniversalTime(), now.UtcDateTime);

            db.Publish(new TenderPublished(tender.Id, tender.Reference, tender.Title, tender.GrantId, tender.DonorCode, tender.Procedure, tender.RuleSetEdition,
                tender.EstimatedValue, tender.Currency, tender.PublishedAt!.Value, tender.SubmissionDeadline!.Value,
                tender.Lots.Select(l => new TenderLotPublished(l.Number, l.Title, l.EstimatedValue,
                    l.Lines.Select(x => new TenderLinePublished(x.LineNumber, x.ItemCategory, x.Quantity, x.DestinationCrossingPointCode, x.RequiredBy)).ToList())).ToList()) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return TenderResponse.From(tender);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/publication", (Guid tenderId, PublishTenderRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, body.PublishedAt, body.SubmissionDeadline), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithEntityTag<Tender>("tenderId")
            .WithName("PublishTender");
}
