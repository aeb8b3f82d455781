using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>Registers a grant with its agreed crossing points and announces it on <c>reporting.grant-registered</c>.</summary>
public static class RegisterGrant
{
    public sealed record Command(
        string Reference,
        string Title,
        string DonorCode,
        FundingInstrument? Instrument,
        string ImplementingPartner,
        decimal? Amount,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<string>? BeneficiaryCountries,
        IReadOnlyList<CrossingPointInput>? CrossingPoints,
        IReadOnlyList<BudgetLineInput>? BudgetLines = null,
        IReadOnlyList<string>? EligibleNationalities = null,
        IReadOnlyList<IndicatorInput>? Indicators = null) : IRequest<GrantResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(80);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.DonorCode).NotEmpty();
            RuleFor(c => c.Instrument).NotNull();
            RuleFor(c => c.ImplementingPartner).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Amount).NotNull().GreaterThan(0);
            RuleFor(c => c.StartDate).NotNull();
            RuleFor(c => c.EndDate).NotNull().GreaterThan(c => c.StartDate).When(c => c.StartDate is not null);
            RuleFor(c => c.BeneficiaryCountries).NotEmpty();
            RuleForEach(c => c.BeneficiaryCountries).Must(IsCountryCode).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. TN; XK for Kosovo*).");
            RuleFor(c => c.CrossingPoints).NotEmpty();
            RuleForEach(c => c.BudgetLines).SetValidator(new BudgetLineInputValidator());
            RuleForEach(c => c.EligibleNationalities).Must(IsCountryCode).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code.");
            RuleForEach(c => c.CrossingPoints).SetValidator(new CrossingPointInputValidator());
            RuleForEach(c => c.Indicators).SetValidator(new IndicatorInputValidator());
        }
    }

    internal static bool IsCountryCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper);

    public sealed class Handler(ReportingDbContext db, TimeProvider clock, CurrentUser user) : IRequestHandler<Command, GrantResponse>
    {
        public async Task<GrantResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Donors.AnyAsync(d => d.Code == command.DonorCode, cancellationToken))
                throw new RuleViolationException("donorCode", "RegisteredDonor", $"No donor with code '{command.DonorCode}' is registered.");
            if (await db.Grants.AnyAsync(g => g.Reference == command.Reference, cancellationToken))
                throw new ConflictException($"A grant with reference '{command.Reference}' already exists.", "UniqueGrantReference");

            var now = clock.GetUtcNow();
            var grant = Grant.Register(
                command.Reference, command.Title, command.DonorCode, command.Instrument!.Value, command.ImplementingPartner,
                command.Amount!.Value, command.StartDate!.Value, command.EndDate!.Value, command.BeneficiaryCountries!,
                command.CrossingPoints!.Select(p => p.ToCrossingPoint()).ToList(),
                now.UtcDateTime,
                command.BudgetLines?.Select(l => l.ToBudgetLine()).ToList(),
                command.EligibleNationalities,
                command.Indicators?.Select(i => i.ToIndicator()).ToList());
            db.Grants.Add(grant);
            db.GrantVersions.Add(GrantVersions.Snapshot(grant, grant.StartDate, "Agreement signed", user.Name, now.UtcDateTime));

            db.Publish(new GrantRegistered(grant.Id, grant.Reference, grant.Title, grant.DonorCode, grant.Instrument,
                grant.Amount, grant.Currency, grant.StartDate, grant.EndDate, grant.BeneficiaryCountries,
                GrantVersions.AgreedCrossingPoints(grant))
            {
                OccurredAt = now,
                BudgetLines = GrantVersions.BudgetLines(grant),
                EligibleNationalities = grant.EligibleNationalities,
                ImplementingPartner = grant.ImplementingPartner,
            });

            await db.SaveChangesAsync(cancellationToken);
            return GrantResponse.From(grant);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/grants", async (RegisterGrantRequest b, IMediator mediator, CancellationToken ct) =>
            {
                var grant = await mediator.Send(new Command(b.Reference, b.Title, b.DonorCode, b.Instrument, b.ImplementingPartner, b.Amount, b.StartDate, b.EndDate,
                    b.BeneficiaryCountries, b.CrossingPoints, b.BudgetLines, b.EligibleNationalities, b.Indicators), ct);
                return TypedResults.Created($"/api/reporting/grants/{grant.Id}", grant);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.Administrator))
            .WithName("RegisterGrant");
}

public sealed class BudgetLineInputValidator : AbstractValidator<BudgetLineInput>
{
    public BudgetLineInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Amount).NotNull().GreaterThan(0);
    }
}

public sealed class CrossingPointInputValidator : AbstractValidator<CrossingPointInput>
{
    public CrossingPointInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Z0-9-]+$")
            .WithMessage("'Code' must be upper-case letters, digits and hyphens, e.g. TN-RASAJDIR.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CountryCode).Must(RegisterGrant.IsCountryCode).WithMessage("'Country Code' must be an ISO 3166-1 alpha-2 code.");
        RuleFor(x => x.NeighbourCountryCode).Must(RegisterGrant.IsCountryCode).WithMessage("'Neighbour Country Code' must be an ISO 3166-1 alpha-2 code.")
            .NotEqual(x => x.CountryCode).WithMessage("A border crossing point lies between two different countries.");
        RuleFor(x => x.Latitude).NotNull().InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).NotNull().InclusiveBetween(-180, 180);
    }
}

public sealed class IndicatorInputValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Source).NotNull().IsInEnum();
        RuleFor(x => x.Baseline).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.Target).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.BaselineYear).NotNull().InclusiveBetween(1990, 2100);
        RuleFor(x => x.TargetYear).NotNull().InclusiveBetween(1990, 2100);
    }
}

/// <summary>The grant's inputs as the domain's values (validated first).</summary>
public static class GrantInputs
{
    public static BudgetLine ToBudgetLine(this BudgetLineInput x) => new(x.Code, x.Description, x.Amount!.Value);

    public static CrossingPoint ToCrossingPoint(this CrossingPointInput x) => new(x.Code, x.Name, x.CountryCode, x.NeighbourCountryCode, x.Latitude!.Value, x.Longitude!.Value, x.Authority);

    public static Indicator ToIndicator(this IndicatorInput x) => new(x.Code, x.Title, x.Source!.Value, x.Baseline!.Value, x.BaselineYear!.Value, x.Target!.Value, x.TargetYear!.Value);
}
