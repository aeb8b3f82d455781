using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.WorkOrders;

/// <summary>The evidence of a work order (photos of the fault, the repair, the replaced part), added while the job is open.</summary>
public static class WorkOrderEvidence
{
    public const string RecordType = "WorkOrder";

    public static void Map(RouteGroupBuilder api) => api.MapEvidence("/work-orders/{workOrderId:guid}", new EvidenceOptions
    {
        RecordType = RecordType,
        UploadRoles = [Roles.MaintenanceTechnician],
        ReadRoles = Lookups.Readers,
        Find = async (context, ct) =>
        {
            var id = Guid.Parse((string)context.Request.RouteValues["workOrderId"]!);
            var db = context.RequestServices.GetRequiredService<MaintenanceDbContext>();
            var found = await (from w in db.WorkOrders
                               join a in db.Assets.AsNoTracking() on w.AssetId equals a.AssetId
                               where w.Id == id
                               select new { Order = w, a.DonorCode, a.SerialNumber }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"No work order {id}.");
            return new EvidenceRecord(RecordType, id.ToString(), $"The work order on {found.SerialNumber}", found.DonorCode,
                found.Order.EvidenceClosedState, [found.Order.AssetId], found.Order.AssetId, Guard: found.Order);
        },
    });
}
