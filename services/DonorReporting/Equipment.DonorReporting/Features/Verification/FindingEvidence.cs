using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Verification;

/// <summary>
/// The photos of a finding, taken or chosen on the monitor's phone (<c>/visits/{visitId}/findings/{assetId}/attachments</c>): added
/// while the visit is open, kept with the visit's donor, listed in the asset's passport (<c>GET /attachments?subjectId={assetId}</c>).
/// </summary>
public static class FindingEvidence
{
    public const string RecordType = "Finding";

    public static void Map(RouteGroupBuilder api) => api.MapEvidence("/visits/{visitId:guid}/findings/{assetId:guid}", new EvidenceOptions
    {
        RecordType = RecordType,
        UploadRoles = [Roles.DonorMonitor, Roles.Administrator],
        ReadRoles = [Roles.DonorMonitor, Roles.Administrator],
        Find = async (context, ct) =>
        {
            var visitId = Guid.Parse((string)context.Request.RouteValues["visitId"]!);
            var assetId = Guid.Parse((string)context.Request.RouteValues["assetId"]!);
            var visit = await context.RequestServices.GetRequiredService<ReportingDbContext>().Visits
                .SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException($"No verification visit {visitId}.");
            if (!visit.SampledAssetIds.Contains(assetId)) throw new NotFoundException($"Asset {assetId} is not in the sample of visit {visitId}.");
            return new EvidenceRecord(RecordType, $"{visitId}/{assetId}", $"The finding of visit {visit.PlannedFor:yyyy-MM-dd} on asset {assetId}", visit.DonorCode,
                visit.EvidenceClosedState, [assetId], assetId, Guard: visit);
        },
    });
}
