using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Handovers;

/// <summary>The evidence of a handover certificate: its signed scan (and photos of the handover), added until the signature is recorded.</summary>
public static class HandoverEvidence
{
    public const string RecordType = "HandoverCertificate";

    public static void Map(RouteGroupBuilder api) => api.MapEvidence("/handovers/{handoverId:guid}", new EvidenceOptions
    {
        RecordType = RecordType,
        UploadRoles = [Roles.LogisticsOfficer],
        ReadRoles = [Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.DonorMonitor, Roles.Administrator],
        Find = async (context, ct) =>
        {
            var id = Guid.Parse((string)context.Request.RouteValues["handoverId"]!);
            var certificate = await context.RequestServices.GetRequiredService<InventoryDbContext>().HandoverCertificates
                .SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException($"No handover certificate {id}.");
            return new EvidenceRecord(RecordType, id.ToString(), $"Handover certificate {certificate.Number}", certificate.DonorCode,
                certificate.EvidenceClosedState, certificate.AssetIds, Guard: certificate);
        },
    });
}
