using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Locations;

public static class RegisterWarehouse
{
    public sealed record Command(string Code, string Name, string CountryCode, string Address) : IRequest<WarehouseResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(40).Matches("^[A-Z0-9-]+$").WithMessage("'Code' must be upper-case letters, digits and hyphens.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.CountryCode).Must(c => c is { Length: 2 } && c.All(char.IsAsciiLetterUpper)).WithMessage("'Country Code' must be an ISO 3166-1 alpha-2 code.");
            RuleFor(c => c.Address).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Command, WarehouseResponse>
    {
        public async Task<WarehouseResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            if (await db.Warehouses.AnyAsync(w => w.Code == c.Code, cancellationToken))
                throw new ConflictException($"A warehouse with code '{c.Code}' already exists.", "UniqueWarehouseCode");
            var warehouse = new Warehouse(c.Code, c.Name, c.CountryCode, c.Address);
            db.Warehouses.Add(warehouse);
            await db.SaveChangesAsync(cancellationToken);
            return WarehouseResponse.From(warehouse);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/warehouses", async (RegisterWarehouseRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var warehouse = await mediator.Send(new Command(body.Code, body.Name, body.CountryCode, body.Address), ct);
                return TypedResults.Created($"/api/inventory/warehouses/{Uri.EscapeDataString(warehouse.Code)}", warehouse);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("RegisterWarehouse");
}
