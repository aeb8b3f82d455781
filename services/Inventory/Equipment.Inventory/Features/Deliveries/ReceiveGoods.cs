using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Assets;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Deliveries;

/// <summary>
/// A goods received note against an expected delivery: accepted units are registered as assets by serial number,
/// rejected units counted with the reason. Publishes <c>inventory.delivery-received</c> and one
/// <c>inventory.asset-registered</c> per asset, in the same transaction.
/// </summary>
public static class ReceiveGoods
{
    public sealed record Command(Guid ExpectedDeliveryId, DateOnly? ReceivedOn, IReadOnlyList<string>? SerialNumbers, int? RejectedQuantity, string? RejectionReason)
        : IRequest<GoodsReceivedResponse>;

    public sealed record Body(DateOnly? ReceivedOn, IReadOnlyList<string>? SerialNumbers, int? RejectedQuantity, string? RejectionReason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ReceivedOn).NotNull()
                .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
                .WithMessage("'Received On' cannot be in the future.");
            RuleFor(c => c.SerialNumbers).NotNull();
            RuleForEach(c => c.SerialNumbers).NotEmpty().MaximumLength(100);
            RuleFor(c => c.RejectedQuantity).GreaterThanOrEqualTo(0);
            RuleFor(c => c.RejectionReason).NotEmpty().When(c => c.RejectedQuantity > 0)
                .WithMessage("'Rejection Reason' is required when units are rejected.");
        }
    }

    public sealed class Handler(InventoryDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, GoodsReceivedResponse>
    {
        public async Task<GoodsReceivedResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var delivery = await db.ExpectedDeliveries.FindAsync([command.ExpectedDeliveryId], cancellationToken)
                ?? throw new NotFoundException($"No expected delivery {command.ExpectedDeliveryId}.");

            var serials = command.SerialNumbers!.Select(s => s.Trim()).ToList();
            var taken = await db.Assets
                .Where(a => a.ItemCategory == delivery.ItemCategory && serials.Contains(a.SerialNumber))
                .Select(a => a.SerialNumber)
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
                throw new ConflictException($"A {delivery.ItemCategory} with serial number '{taken}' is already registered.", "UniqueSerialNumber");

            var rejected = command.RejectedQuantity ?? 0;
            var assets = delivery.Receive(serials, rejected, command.ReceivedOn!.Value);
            var note = new GoodsReceivedNote(delivery.Id, command.ReceivedOn.Value, user.Name, assets.Count, rejected, command.RejectionReason);
            db.GoodsReceivedNotes.Add(note);
            db.Assets.AddRange(assets);

            var now = clock.GetUtcNow();
            var receivedId = Guid.NewGuid();
            db.Publish(InventoryTopics.DeliveryReceived, receivedId, now, new DeliveryReceived(
                receivedId, now, note.Id, delivery.ContractId, delivery.ContractLineNumber, delivery.GrantId, delivery.DonorCode,
                note.ReceivedOn, note.AcceptedQuantity, note.RejectedQuantity));
            foreach (var asset in assets)
            {
                var eventId = Guid.NewGuid();
                db.Publish(InventoryTopics.AssetRegistered, eventId, now, new AssetRegistered(
                    eventId, now, asset.Id, asset.SerialNumber, asset.ItemCategory, asset.Description, asset.GrantId, asset.DonorCode,
                    asset.ContractId, asset.ContractLineNumber, asset.UnitValue, asset.Currency, asset.ReceivedOn, asset.WarrantyEndsOn));
            }

            await db.SaveChangesAsync(cancellationToken);
            return new GoodsReceivedResponse(note.Id, delivery.Id, note.ReceivedOn, note.AcceptedQuantity, note.RejectedQuantity,
                delivery.QuantityOutstanding, assets.Select(AssetResponse.From).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/expected-deliveries/{expectedDeliveryId:guid}/receipts",
                async (Guid expectedDeliveryId, Body body, IMediator mediator, CancellationToken ct) =>
                {
                    var receipt = await mediator.Send(new Command(expectedDeliveryId, body.ReceivedOn, body.SerialNumbers, body.RejectedQuantity, body.RejectionReason), ct);
                    return TypedResults.Created($"/api/inventory/goods-received-notes/{receipt.GoodsReceivedNoteId}", receipt);
                })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("ReceiveGoods");
}

public sealed record GoodsReceivedResponse(
    Guid GoodsReceivedNoteId, Guid ExpectedDeliveryId, DateOnly ReceivedOn, int AcceptedQuantity, int RejectedQuantity,
    int QuantityOutstanding, IReadOnlyList<AssetResponse> Assets);
