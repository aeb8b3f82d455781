using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Contracts;

public static class GetContract
{
    public sealed record Query(Guid ContractId, string? DonorScope) : IRequest<ContractResponse>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Query query, CancellationToken cancellationToken) =>
            ContractResponse.From(await db.FindContractAsync(query.ContractId, query.DonorScope, cancellationToken));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/contracts/{contractId:guid}", (Guid contractId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(contractId, user.DonorScope), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithName("GetContract");

    /// <summary>The contract, or 404 when it does not exist or belongs to another donor than the monitor's.</summary>
    public static async Task<Contract> FindContractAsync(this ProcurementDbContext db, Guid contractId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId && (donorScope == null || c.DonorCode == donorScope), cancellationToken)
        ?? throw new NotFoundException($"No contract {contractId}.");
}
