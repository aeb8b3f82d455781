using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Contracts;

/// <summary>Draws up the contract for an awarded lot: the awarded supplier, the lot's lines at the bid's prices.</summary>
public static class DraftContract
{
    public sealed record Command(Guid TenderId, int LotNumber, string Reference, int? WarrantyMonths) : IRequest<ContractResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(80);
            RuleFor(c => c.WarrantyMonths).NotNull().InclusiveBetween(0, 120);
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(c.TenderId, null, clock, cancellationToken);
            var lot = tender.Lot(c.LotNumber);
            if (await db.Contracts.AnyAsync(x => x.Reference == c.Reference, cancellationToken))
                throw new ConflictException($"A contract with reference '{c.Reference}' already exists.", "UniqueContractReference");
            if (await db.Contracts.AnyAsync(x => x.TenderId == tender.Id && x.LotNumber == lot.Number, cancellationToken))
                throw new ConflictException($"Lot {lot.Number} of {tender.Reference} already has a contract.", "OneContractPerLot");
            var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == lot.ProposedBidId, cancellationToken);
            if (bid is null)
                throw new StateConflictException($"Lot {lot.Number} is {lot.Status}; a contract is drawn up for an Awarded lot.", lot.Status.ToString(), [nameof(LotStatus.Awarded)]);
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == bid.SupplierId, cancellationToken);

            var contract = Contract.ForAward(c.Reference, tender, lot, bid, supplier, c.WarrantyMonths!.Value);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(cancellationToken);
            return ContractResponse.From(contract);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tenders/{tenderId:guid}/lots/{lotNumber:int}/contract", async (Guid tenderId, int lotNumber, DraftContractRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var contract = await mediator.Send(new Command(tenderId, lotNumber, body.Reference, body.WarrantyMonths), ct);
                return TypedResults.Created($"/api/procurement/contracts/{contract.Id}", contract);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("DraftContract");
}
