using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>The audit trail of one record, oldest first: <c>GET {api}/audit/{entityType}/{id}</c> (entity type as named in the service, e.g. <c>Contract</c>).</summary>
public static class AuditTrail
{
    public static RouteGroupBuilder MapAuditTrail(this RouteGroupBuilder api, params string[] roles)
    {
        api.MapGet("/audit/{entityType}/{id}", async (string entityType, string id, ServiceDbContext db, CancellationToken ct) =>
                (await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == entityType && a.EntityId == id)
                    .OrderBy(a => a.Sequence)
                    .ToListAsync(ct))
                .Select(a => new AuditEntryResponse(a.At, a.User, a.Role, a.EntityType, a.EntityId, a.Action,
                    a.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries), a.CorrelationId))
                .ToList())
            .RequireAuthorization(JwtAuthentication.RequireRoles(roles))
            .WithName("GetAuditTrail");
        return api;
    }
}
