using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Assets;
using FluentValidation;
using MediatR;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>A goods received note typed in: per contract line of the shipment, the units accepted (serial, make, model, visibility) and those rejected.</summary>
public static class ReceiveGoods
{
    public sealed record Command(Guid ShipmentId, DateOnly? ReceivedOn, IReadOnlyList<GoodsReceiptLine>? Lines) : IRequest<GoodsReceivedResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ReceivedOn).NotNull()
                .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("'Received On' cannot be in the future.");
            RuleFor(c => c.Lines).NotEmpty();
            RuleForEach(c => c.Lines).ChildRules(l =>
            {
                l.RuleFor(x => x.ContractLineNumber).NotNull();
                l.RuleFor(x => x.Units).NotNull();
                l.RuleFor(x => x.RejectedQuantity).GreaterThanOrEqualTo(0);
                l.RuleForEach(x => x.Units).ChildRules(u =>
                {
                    u.RuleFor(x => x.SerialNumber).NotEmpty().MaximumLength(100);
                    u.RuleFor(x => x.Manufacturer).NotEmpty().MaximumLength(100);
                    u.RuleFor(x => x.Model).NotEmpty().MaximumLength(100);
                    u.RuleFor(x => x.VisibilityMarking).NotNull();
                    u.RuleFor(x => x.VisibilityEvidence).NotEmpty().When(x => x.VisibilityMarking == true)
                        .WithMessage("A visibility marking is recorded with its evidence (e.g. a photo reference).");
                });
            });
        }
    }

    public sealed class Handler(InventoryDbContext db, ReceiptRecorder recorder, CurrentUser user) : IRequestHandler<Command, GoodsReceivedResponse>
    {
        public async Task<GoodsReceivedResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            // One receipt at a time: its number is the year's count + 1, and its serials and quantities are checked against what is recorded.
            await using var receiving = await ExclusiveWrite.EnterAsync(db, ReceiptRecorder.ExclusiveKey, cancellationToken);
            var (note, assets) = await recorder.RecordAsync(c.ShipmentId, c.ReceivedOn!.Value,
                c.Lines!.Select(l => new ReceiptInput(l.ContractLineNumber!.Value,
                    l.Units!.Select(u => new ReceivedUnit(u.SerialNumber.Trim(), u.Manufacturer.Trim(), u.Model.Trim(), u.VisibilityMarking!.Value, u.VisibilityEvidence)).ToList(),
                    l.RejectedQuantity ?? 0, l.RejectionReason)).ToList(),
                user.Name, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await receiving.CommitAsync(cancellationToken);
            return GoodsReceivedResponse.From(note, assets);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/shipments/{shipmentId:guid}/receipts", async (Guid shipmentId, ReceiveGoodsRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var receipt = await mediator.Send(new Command(shipmentId, body.ReceivedOn, body.Lines), ct);
                return TypedResults.Created($"/api/inventory/goods-received-notes/{receipt.Id}", receipt);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("ReceiveGoods");
}
