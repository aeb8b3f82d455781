using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Contracts;

/// <summary>Signs a draft contract and announces it on <c>procurement.contract-signed</c>, in one transaction.</summary>
public static class SignContract
{
    public sealed record Command(Guid ContractId, DateOnly? SignedOn) : IRequest<ContractResponse>;

    public sealed record Body(DateOnly? SignedOn);

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
            var contract = await db.FindContractAsync(command.ContractId, donorScope: null, cancellationToken);
            contract.Sign(command.SignedOn!.Value);

            var now = clock.GetUtcNow();
            var eventId = Guid.NewGuid();
            db.Publish(ProcurementTopics.ContractSigned, eventId, now, new ContractSigned(
                eventId, now, contract.Id, contract.Reference, contract.GrantId, contract.DonorCode,
                contract.SupplierName, contract.SupplierCountry, contract.SignedOn!.Value, contract.Currency,
                contract.Lines.Select(l => new ContractLineSigned(l.LineNumber, l.ItemCategory, l.Description, l.Quantity, l.UnitPrice,
                    l.DestinationCrossingPointCode, l.DeliveryDeadline, l.WarrantyMonths)).ToList()));
            await db.SaveChangesAsync(cancellationToken);
            return ContractResponse.From(contract);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/contracts/{contractId:guid}/signature", (Guid contractId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(contractId, body.SignedOn), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("SignContract");
}
