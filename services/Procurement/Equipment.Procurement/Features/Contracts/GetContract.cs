using Equipment.BuildingBlocks.Hosting;
using Equipment.Procurement.Domain;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using MediatR;

namespace Equipment.Procurement.Features.Contracts;

public static class GetContract
{
    public sealed record Query(Guid ContractId, string? DonorScope) : IRequest<ContractResponse>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, ContractResponse>
    {
        public async Task<ContractResponse> Handle(Query query, CancellationToken cancellationToken) =>
            ContractResponse.From(await db.ContractAsync(query.ContractId, query.DonorScope, cancellationToken));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/contracts/{contractId:guid}", (Guid contractId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(contractId, user.DonorScope), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithEntityTag<Contract>("contractId")
            .WithName("GetContract");
}
