using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Contracts;

/// <summary>Signs a draft contract: its lot becomes ContractSigned and <c>procurement.contract-signed</c> goes out, in one transaction.</summary>
public static class SignContract
{
    public sealed record Command(Guid ContractId, DateOnly? SignedOn) : IRequest<ContractResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) =>
            RuleFor(c => c.SignedOn).NotNull()
                .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
                .WithMessage("'Signed On' cannot be in the future.");
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var contract = await db.ContractAsync(command.ContractId, donorScope: null, cancellationToken);
            var tender = await db.TenderAsync(contract.TenderId, null, clock, cancellationToken);
            contract.Sign(command.SignedOn!.Value);
            tender.ContractSigned(tender.Lot(contract.LotNumber));
            var requisitionIds = contract.Lines.Select(l => l.RequisitionId).ToList();
            foreach (var requisition in await db.Requisitions.Where(r => requisitionIds.Contains(r.Id)).ToListAsync(cancellationToken))
                requisition.MarkContracted();

            var now = clock.GetUtcNow();
            db.Publish(new ContractSigned(contract.Id, contract.Reference, contract.GrantId, contract.DonorCode,
                contract.SupplierName, contract.SupplierCountry, contract.SignedOn!.Value, contract.Currency, Lines(contract))
            {
                OccurredAt = now,
                TenderId = contract.TenderId,
                LotNumber = contract.LotNumber,
                SupplierId = contract.SupplierId,
                TenderReference = tender.Reference,
            });
            await db.SaveChangesAsync(cancellationToken);
            return ContractResponse.From(contract);
        }
    }

    public static IReadOnlyList<ContractLineSigned> Lines(Contract contract) =>
        contract.Lines.Select(l => new ContractLineSigned(l.LineNumber, l.ItemCategory, l.Description, l.Quantity, l.UnitPrice,
            l.DestinationCrossingPointCode, l.DeliveryDeadline, l.WarrantyMonths)
        {
            DestinationWarehouse = l.DestinationWarehouse,
            CountryOfOrigin = l.CountryOfOrigin,
        }).ToList();

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/contracts/{contractId:guid}/signature", (Guid contractId, SignContractRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(contractId, body.SignedOn), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithEntityTag<Contract>("contractId")
            .WithName("SignContract");
}
