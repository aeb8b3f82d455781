using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

/// <summary>
/// The evidence of an asset's disposal, loss or theft (the police report, the disposal record): the disposal is final when
/// recorded, so its evidence, which often comes later, is added and never removed.
/// </summary>
public static class DisposalEvidence
{
    public const string RecordType = "Disposal";

    public static void Map(RouteGroupBuilder api) => api.MapEvidence("/assets/{assetId:guid}/disposal", new EvidenceOptions
    {
        RecordType = RecordType,
        UploadRoles = [Roles.LogisticsOfficer],
        ReadRoles = [Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.DonorMonitor, Roles.Administrator],
        Find = async (context, ct) =>
        {
            var id = Guid.Parse((string)context.Request.RouteValues["assetId"]!);
            var asset = await context.RequestServices.GetRequiredService<InventoryDbContext>().Assets.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"No asset {id}.");
            var scope = context.RequestServices.GetRequiredService<BuildingBlocks.Auth.CurrentUser>().DonorScope;
            if (scope is not null && asset.DonorCode != scope) throw new NotFoundException($"No asset {id}.");
            return new EvidenceRecord(RecordType, id.ToString(), $"The disposal of asset {asset.SerialNumber}", asset.DonorCode, null, [id], id,
                FinalState: asset.DisposalState());
        },
    });
}
