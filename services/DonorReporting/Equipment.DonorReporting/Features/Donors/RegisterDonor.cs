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
    public sealed record Command(string Code, string Name) : IRequest<DonorResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(40).Matches("^[A-Z0-9-]+$")
                .WithMessage("'Code' must be upper-case letters, digits and hyphens, e.g. EU-DGNEAR.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        }
    }

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Command, DonorResponse>
    {
        public async Task<DonorResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Donors.AnyAsync(d => d.Code == command.Code, cancellationToken))
                throw new ConflictException($"A donor with code '{command.Code}' already exists.", "UniqueDonorCode");
            var donor = new Donor(command.Code, command.Name);
            db.Donors.Add(donor);
            await db.SaveChangesAsync(cancellationToken);
            return DonorResponse.From(donor);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/donors", async (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var donor = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/reporting/donors/{donor.Code}", donor);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.Administrator))
            .WithName("RegisterDonor");
}

public sealed record DonorResponse(string Code, string Name)
{
    public static DonorResponse From(Donor donor) => new(donor.Code, donor.Name);
}
