using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;

namespace Equipment.Procurement.Features.Requisitions;

/// <summary>Raises a need against a grant budget line; its estimate is committed on the line at once (409 when that would exceed it).</summary>
public static class RaiseRequisition
{
    public sealed record Command(
        Guid? GrantId, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int? Quantity, decimal? EstimatedUnitValue,
        string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly? RequiredBy) : IRequest<RequisitionResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.GrantId).NotNull().NotEqual(Guid.Empty);
            RuleFor(c => c.BudgetLineCode).NotEmpty();
            RuleFor(c => c.ItemCategory).NotEmpty();
            RuleFor(c => c.TechnicalSpecification).NotEmpty().MaximumLength(4000);
            RuleFor(c => c.Quantity).NotNull().InclusiveBetween(1, 100_000);
            RuleFor(c => c.EstimatedUnitValue).NotNull().GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.DestinationWarehouse).MaximumLength(200);
            RuleFor(c => c.RequiredBy).NotNull();
        }
    }

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Command, RequisitionResponse>
    {
        public async Task<RequisitionResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var grant = await db.GrantAsync(c.GrantId!.Value, "grantId", cancellationToken);
            var requisition = Requisition.Raise(grant, c.BudgetLineCode, c.ItemCategory, c.TechnicalSpecification, c.Quantity!.Value,
                c.EstimatedUnitValue!.Value, NullIfBlank(c.DestinationCrossingPointCode), NullIfBlank(c.DestinationWarehouse), c.RequiredBy!.Value,
                clock.GetUtcNow().UtcDateTime);
            db.Requisitions.Add(requisition);
            await db.SaveChangesAsync(cancellationToken);
            return RequisitionResponse.From(requisition);
        }

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requisitions", async (RaiseRequisitionRequest b, IMediator mediator, CancellationToken ct) =>
            {
                var requisition = await mediator.Send(new Command(b.GrantId, b.BudgetLineCode, b.ItemCategory, b.TechnicalSpecification, b.Quantity, b.EstimatedUnitValue,
                    b.DestinationCrossingPointCode, b.DestinationWarehouse, b.RequiredBy), ct);
                return TypedResults.Created($"/api/procurement/requisitions/{requisition.Id}", requisition);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("RaiseRequisition");
}
