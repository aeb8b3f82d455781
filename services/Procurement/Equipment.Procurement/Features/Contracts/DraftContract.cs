using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Contracts;

public static class DraftContract
{
    public sealed record Command(
        string Reference,
        Guid? GrantId,
        string SupplierName,
        string SupplierCountry,
        IReadOnlyList<LineInput>? Lines) : IRequest<ContractResponse>;

    public sealed record LineInput(
        string ItemCategory, string Description, int? Quantity, decimal? UnitPrice,
        string DestinationCrossingPointCode, DateOnly? DeliveryDeadline, int? WarrantyMonths);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(80);
            RuleFor(c => c.GrantId).NotNull().NotEqual(Guid.Empty);
            RuleFor(c => c.SupplierName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.SupplierCountry).Must(c => c is { Length: 2 } && c.All(char.IsAsciiLetterUpper))
                .WithMessage("'Supplier Country' must be an ISO 3166-1 alpha-2 code.");
            RuleFor(c => c.Lines).NotEmpty();
            RuleForEach(c => c.Lines).ChildRules(l =>
            {
                l.RuleFor(x => x.ItemCategory).NotEmpty().MaximumLength(80);
                l.RuleFor(x => x.Description).NotEmpty().MaximumLength(500);
                l.RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, 100_000);
                l.RuleFor(x => x.UnitPrice).NotNull().GreaterThan(0);
                l.RuleFor(x => x.DestinationCrossingPointCode).NotEmpty();
                l.RuleFor(x => x.DeliveryDeadline).NotNull();
                l.RuleFor(x => x.WarrantyMonths).NotNull().InclusiveBetween(0, 120);
            });
        }
    }

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Command, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var grant = await db.KnownGrants.FindAsync([command.GrantId!.Value], cancellationToken)
                ?? throw new RuleViolationException("grantId", "KnownGrant",
                    $"Grant {command.GrantId} is not known to procurement: it must be registered in donor-reporting first.");
            if (await db.Contracts.AnyAsync(c => c.Reference == command.Reference, cancellationToken))
                throw new ConflictException($"A contract with reference '{command.Reference}' already exists.", "UniqueContractReference");

            var contract = Contract.Draft(command.Reference, grant, command.SupplierName, command.SupplierCountry,
                command.Lines!.Select((l, i) => new ContractLine(i + 1, l.ItemCategory, l.Description, l.Quantity!.Value, l.UnitPrice!.Value,
                    l.DestinationCrossingPointCode, l.DeliveryDeadline!.Value, l.WarrantyMonths!.Value)).ToList());
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(cancellationToken);
            return ContractResponse.From(contract);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/contracts", async (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var contract = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/procurement/contracts/{contract.Id}", contract);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("DraftContract");
}

public sealed record ContractResponse(
    Guid Id, string Reference, Guid GrantId, string DonorCode, string SupplierName, string SupplierCountry,
    string Currency, ContractStatus Status, DateOnly? SignedOn, decimal TotalValue, IReadOnlyList<ContractLine> Lines)
{
    public static ContractResponse From(Contract c) => new(
        c.Id, c.Reference, c.GrantId, c.DonorCode, c.SupplierName, c.SupplierCountry, c.Currency, c.Status, c.SignedOn, c.TotalValue, c.Lines);
}
