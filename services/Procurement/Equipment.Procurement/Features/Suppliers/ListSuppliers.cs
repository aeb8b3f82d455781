using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Suppliers;

/// <summary>
/// The suppliers, by legal name unless <c>sort</c> says otherwise, of one country of establishment (<c>country</c>, ISO 3166-1
/// alpha-2) or all, found by <c>q</c> in the legal name, registration number or contact (any case), paged in the database.
/// </summary>
public static class ListSuppliers
{
    public static readonly string[] Sorts = ["legalName", "-legalName", "country", "-country"];

    public sealed record Query(int? Page, int? PageSize, string? Q = null, string? Country = null, string? Sort = null) : IRequest<Page<SupplierResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Country).Must(c => c is null || c is { Length: 2 } && c.All(char.IsAsciiLetter))
                .WithMessage("'Country' must be an ISO 3166-1 alpha-2 code.");
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"'{{PropertyValue}}' is not a sort order ({string.Join(", ", Sorts)}).");
        }
    }

    public sealed class Handler(ProcurementDbContext db) : IRequestHandler<Query, Page<SupplierResponse>>
    {
        public async Task<Page<SupplierResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            IQueryable<Supplier> suppliers = db.Suppliers.AsNoTracking();
            if (query.Country is { } country)
            {
                var code = country.ToUpperInvariant();
                suppliers = suppliers.Where(s => s.CountryOfEstablishment == code);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim().ToLower();
                suppliers = suppliers.Where(s => s.LegalName.ToLower().Contains(text) || s.RegistrationNumber.ToLower().Contains(text) || s.ContactName.ToLower().Contains(text));
            }
            suppliers = (query.Sort ?? "legalName") switch
            {
                "-legalName" => suppliers.OrderByDescending(s => s.LegalName).ThenBy(s => s.Id),
                "country" => suppliers.OrderBy(s => s.CountryOfEstablishment).ThenBy(s => s.LegalName),
                "-country" => suppliers.OrderByDescending(s => s.CountryOfEstablishment).ThenBy(s => s.LegalName),
                _ => suppliers.OrderBy(s => s.LegalName).ThenBy(s => s.Id),
            };
            var page = await suppliers.ToPageAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<SupplierResponse>(page.Items.Select(SupplierResponse.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers", (string? q, string? country, string? sort, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(page, pageSize, q, country, sort), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.ProcurementOfficer, Roles.Administrator))
            .WithName("ListSuppliers");
}
