using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Contracts;

public static class ListContracts
{
    public sealed record Query(string? DonorScope, Guid? GrantId, int? Page, int? PageSize) : IRequest<Page<ContractResponse>>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, Page<ContractResponse>>
    {
        public async Task<Page<ContractResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Contracts.AsNoTracking()
                .Where(c => query.DonorScope == null || c.DonorCode == query.DonorScope)
                .Where(c => query.GrantId == null || c.GrantId == query.GrantId)
                .OrderBy(c => c.Reference)
                .ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<ContractResponse>(page.Items.Select(ContractResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/contracts", (Guid? grantId, int? page, int? pageSize, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(user.DonorScope, grantId, page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("ListContracts");
}
