using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Suppliers;

public static class RegisterSupplier
{
    public sealed record Command(string LegalName, string CountryOfEstablishment, string RegistrationNumber, string ContactName, string ContactEmail, string? ContactPhone)
        : IRequest<SupplierResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LegalName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.CountryOfEstablishment).Must(c => c is { Length: 2 } && c.All(char.IsAsciiLetterUpper))
                .WithMessage("'Country Of Establishment' must be an ISO 3166-1 alpha-2 code.");
            RuleFor(c => c.RegistrationNumber).NotEmpty().MaximumLength(80);
            RuleFor(c => c.ContactName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.ContactEmail).NotEmpty().EmailAddress();
            RuleFor(c => c.ContactPhone).MaximumLength(40);
        }
    }

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Command, SupplierResponse>
    {
        public async Task<SupplierResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            if (await db.Suppliers.AnyAsync(s => s.CountryOfEstablishment == c.CountryOfEstablishment && s.RegistrationNumber == c.RegistrationNumber, cancellationToken))
                throw new ConflictException($"A supplier registered in {c.CountryOfEstablishment} under {c.RegistrationNumber} already exists.", "UniqueRegistration");
            var supplier = new Supplier(c.LegalName, c.CountryOfEstablishment, c.RegistrationNumber, c.ContactName, c.ContactEmail, c.ContactPhone);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync(cancellationToken);
            return SupplierResponse.From(supplier);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/suppliers", async (RegisterSupplierRequest b, IMediator mediator, CancellationToken ct) =>
            {
                var supplier = await mediator.Send(new Command(b.LegalName, b.CountryOfEstablishment, b.RegistrationNumber, b.ContactName, b.ContactEmail, b.ContactPhone), ct);
                return TypedResults.Created($"/api/procurement/suppliers/{supplier.Id}", supplier);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer))
            .WithName("RegisterSupplier");
}
