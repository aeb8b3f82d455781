using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>Records the final acceptance of a goods received note; the warranty of its assets runs from that day.</summary>
public static class AcceptGoods
{
    public sealed record Command(Guid GoodsReceivedNoteId, DateOnly? AcceptedOn) : IRequest<AcceptanceResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.AcceptedOn).NotNull();
    }

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Command, AcceptanceResponse>
    {
        public async Task<AcceptanceResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var note = await db.GoodsReceivedNotes.FindAsync([c.GoodsReceivedNoteId], cancellationToken)
                ?? throw new NotFoundException($"No goods received note {c.GoodsReceivedNoteId}.");
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (note.AcceptedOn is null && note.AcceptanceOn(today) is { } deemed)
                throw new ConflictException($"Goods received note {note.Number} was deemed accepted on {deemed:yyyy-MM-dd}, {note.DeemedAcceptanceDays} days after receipt.", "DeemedAcceptance");
            var assets = await db.Assets.Where(a => a.GoodsReceivedNoteId == note.Id).ToListAsync(cancellationToken);
            note.Accept(c.AcceptedOn!.Value, assets);
            await db.SaveChangesAsync(cancellationToken);
            return new AcceptanceResponse(note.Id, note.Number, note.ReceivedOn, note.AcceptedOn!.Value, assets.Count);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/goods-received-notes/{noteId:guid}/acceptance", (Guid noteId, AcceptGoodsRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(noteId, body.AcceptedOn), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<GoodsReceivedNote>("noteId")
            .WithName("AcceptGoods");
}
