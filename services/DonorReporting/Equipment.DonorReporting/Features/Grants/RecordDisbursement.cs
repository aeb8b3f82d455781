using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>Records a tranche the donor paid the implementing partner; the IATI export reports it as a disbursement.</summary>
public static class RecordDisbursement
{
    public sealed record Command(Guid GrantId, DateOnly? PaidOn, decimal? Amount, string Reference) : IRequest<DisbursementResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PaidOn).NotNull();
            RuleFor(c => c.Amount).NotNull().GreaterThan(0);
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(80);
        }
    }

    public sealed class Handler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Command, DisbursementResponse>
    {
        public async Task<DisbursementResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(c.GrantId, null, cancellationToken);
            var paid = (await db.Disbursements.Where(d => d.GrantId == grant.Id).Select(d => d.Amount).ToListAsync(cancellationToken)).Sum();
            var disbursement = Disbursement.Record(grant, c.PaidOn!.Value, c.Amount!.Value, c.Reference, paid,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            db.Disbursements.Add(disbursement);
            await db.SaveChangesAsync(cancellationToken);
            return DisbursementResponse.From(disbursement);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/grants/{grantId:guid}/disbursements", async (Guid grantId, RecordDisbursementRequest b, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/reporting/grants/{grantId}/disbursements", await mediator.Send(new Command(grantId, b.PaidOn, b.Amount, b.Reference ?? ""), ct)))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.Administrator))
            .WithName("RecordDisbursement");

        api.MapGet("/grants/{grantId:guid}/disbursements", async (Guid grantId, ReportingDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                return (await db.Disbursements.AsNoTracking().Where(d => d.GrantId == grant.Id).OrderBy(d => d.PaidOn).ToListAsync(ct))
                    .Select(DisbursementResponse.From).ToList();
            })
            .WithName("ListDisbursements");
    }
}
