using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using MediatR;

namespace Equipment.Procurement.Features.Suppliers;

public static class ListSuppliers
{
    public sealed record Query(int? Page, int? PageSize) : IRequest<Page<SupplierResponse>>;

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, Page<SupplierResponse>>
    {
        public async Task<Page<SupplierResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Suppliers.OrderBy(s => s.LegalName).ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<SupplierResponse>(page.Items.Select(SupplierResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers", (int? page, int? pageSize, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(page, pageSize), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer, Roles.Administrator))
            .WithName("ListSuppliers");
}
