using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Bids;

/// <summary>Records a bid's administrative and technical compliance, the reasons, and (best value) its quality scores.</summary>
public static class EvaluateBid
{
    public sealed record Command(Guid TenderId, Guid BidId, bool? AdministrativelyCompliant, bool? TechnicallyCompliant, string? Notes,
        IReadOnlyDictionary<string, decimal>? QualityScores) : IRequest<BidResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AdministrativelyCompliant).NotNull();
            RuleFor(c => c.TechnicallyCompliant).NotNull();
            RuleFor(c => c.Notes).MaximumLength(4000);
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, BidResponse>
    {
        public async Task<BidResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == c.BidId && b.TenderId == tender.Id, cancellationToken)
                ?? throw new NotFoundException($"No bid {c.BidId} on tender {tender.Reference}.");
            bid.Evaluate(tender, c.AdministrativelyCompliant!.Value, c.TechnicallyCompliant!.Value, c.Notes, c.QualityScores ?? new Dictionary<string, decimal>());
            await db.SaveChangesAsync(cancellationToken);
            return BidResponse.From(bid, (await db.Suppliers.FindAsync([bid.SupplierId], cancellationToken))!);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/bids/{bidId:guid}/evaluation", (Guid tenderId, Guid bidId, EvaluateBidRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(tenderId, bidId, body.AdministrativelyCompliant, body.TechnicallyCompliant, body.Notes, body.QualityScores), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("EvaluateBid");
}
