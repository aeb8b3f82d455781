using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Plans;

/// <summary>Defines the preventive plan of an item category; it applies to each asset of that category when it is deployed.</summary>
public static class DefinePlan
{
    public sealed record Command(string ItemCategory, int? IntervalDays, int? IntervalUsageHours, int? IntervalKm, IReadOnlyList<string>? Checklist) : IRequest<MaintenancePlanResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ItemCategory).NotEmpty().MaximumLength(80);
            RuleFor(c => c.IntervalDays).NotNull().InclusiveBetween(1, 3650);
            RuleFor(c => c.IntervalUsageHours).GreaterThan(0);
            RuleFor(c => c.IntervalKm).GreaterThan(0);
            RuleFor(c => c.Checklist).NotEmpty();
            RuleForEach(c => c.Checklist).NotEmpty().MaximumLength(300);
        }
    }

    public sealed class Handler(MaintenanceDbContext db) : IRequestHandler<Command, MaintenancePlanResponse>
    {
        public async Task<MaintenancePlanResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            if (await db.Plans.AnyAsync(p => p.ItemCategory == c.ItemCategory, cancellationToken))
                throw new ConflictException($"{c.ItemCategory} already has a maintenance plan.", "OnePlanPerCategory");
            var plan = new MaintenancePlan(c.ItemCategory, c.IntervalDays!.Value, c.IntervalUsageHours, c.IntervalKm, c.Checklist!);
            db.Plans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            return MaintenancePlanResponse.From(plan);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/plans", async (DefinePlanRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var plan = await mediator.Send(new Command(body.ItemCategory, body.IntervalDays, body.IntervalUsageHours, body.IntervalKm, body.Checklist), ct);
                return TypedResults.Created($"/api/maintenance/plans/{Uri.EscapeDataString(plan.ItemCategory)}", plan);   // a header holds ASCII only
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.MaintenanceTechnician, Roles.Administrator))
            .WithName("DefinePlan");
        api.MapGet("/plans", async (MaintenanceDbContext db, CancellationToken ct) => (await db.Plans.AsNoTracking().OrderBy(p => p.ItemCategory).ToListAsync(ct)).Select(MaintenancePlanResponse.From).ToList())
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListPlans");
    }
}
