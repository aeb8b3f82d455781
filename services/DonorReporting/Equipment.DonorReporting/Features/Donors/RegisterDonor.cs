using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Donors;

public static class RegisterDonor
{
    public sealed record Command(string Code, string Name, string? IatiOrganisationId = null, string? IatiOrganisationType = null) : IRequest<DonorResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(40).Matches("^[A-Z0-9-]+$")
                .WithMessage("'Code' must be upper-case letters, digits and hyphens, e.g. EU-DGNEAR.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.IatiOrganisationId).MaximumLength(100).Matches("^[A-Za-z0-9_.:-]+-[A-Za-z0-9_.:-]+$")
                .WithMessage("'Iati Organisation Id' is an IATI organisation identifier: registration agency prefix, hyphen, number, e.g. XI-IATI-EC_NEAR.");
            RuleFor(c => c.IatiOrganisationType).Matches("^[0-9]{2}$")
                .WithMessage("'Iati Organisation Type' is a code of IATI's OrganisationType list, e.g. 10 (government) or 40 (multilateral).");
        }
    }

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Command, DonorResponse>
    {
        public async Task<DonorResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Donors.AnyAsync(d => d.Code == command.Code, cancellationToken))
                throw new ConflictException($"A donor with code '{command.Code}' already exists.", "UniqueDonorCode");
            var donor = new Donor(command.Code, command.Name, command.IatiOrganisationId, command.IatiOrganisationType ?? "10");
            db.Donors.Add(donor);
            await db.SaveChangesAsync(cancellationToken);
            return DonorResponse.From(donor);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/donors", async (RegisterDonorRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var donor = await mediator.Send(new Command(body.Code, body.Name, body.IatiOrganisationId, body.IatiOrganisationType), ct);
                return TypedResults.Created($"/api/reporting/donors/{Uri.EscapeDataString(donor.Code)}", donor);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.Administrator))
            .WithName("RegisterDonor");
}
