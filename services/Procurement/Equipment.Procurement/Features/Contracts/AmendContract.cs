using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Contracts;

/// <summary>
/// Amends quantities or delivery dates of a signed contract. The previous lines are kept as a version, budget lines
/// follow the change (409 when one would be exceeded), and <c>procurement.contract-amended</c> carries the new lines.
/// </summary>
public static class AmendContract
{
    public sealed record Command(Guid ContractId, string Reason, DateOnly? AmendedOn, IReadOnlyList<LineAmendment>? Lines) : IRequest<ContractResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.AmendedOn).NotNull();
            RuleFor(c => c.Lines).NotEmpty();
            RuleForEach(c => c.Lines).ChildRules(l =>
            {
                l.RuleFor(x => x.Quantity).InclusiveBetween(1, 100_000);
                l.RuleFor(x => x).Must(x => x.Quantity is not null || x.DeliveryDeadline is not null)
                    .WithName("line").WithMessage("An amended line changes its quantity, its delivery deadline, or both.");
            });
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var contract = await db.ContractAsync(c.ContractId, null, cancellationToken);
            var delta = contract.Amend(c.Lines!, c.Reason, c.AmendedOn!.Value, now.UtcDateTime);
            var grant = await db.GrantAsync(contract.GrantId, "grantId", cancellationToken);
            foreach (var (code, change) in delta.Where(d => d.Value != 0))
            {
                var line = grant.BudgetLine(code, "budgetLineCode");
                if (change > 0) line.Commit(change);
                else line.Release(-change);
            }

            db.Publish(new ContractAmended(contract.Id, contract.Reference, contract.GrantId, contract.DonorCode, contract.Version, c.AmendedOn.Value, c.Reason,
                SignContract.Lines(contract)) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            return ContractResponse.From(contract);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/contracts/{contractId:guid}/amendments", (Guid contractId, AmendContractRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(contractId, body.Reason, body.AmendedOn, body.Lines), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithEntityTag<Contract>("contractId")
            .WithName("AmendContract");
}
