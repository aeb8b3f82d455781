using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Features.Assets;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Equipment.Inventory.Features.Passport;

/// <summary>A printable QR label per asset (SVG or PNG): the code points at the asset's page; the text names it.</summary>
public static class GetLabel
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assets/{assetId:guid}/label.svg", async (Guid assetId, InventoryDbContext db, CurrentUser user, IOptions<InventoryOptions> options, CancellationToken ct) =>
            {
                var asset = await db.VisibleAssetAsync(assetId, user.DonorScope, ct);
                using var data = QRCodeGenerator.GenerateQrCode(string.Format(options.Value.LabelUrlFormat, asset.Id), QRCodeGenerator.ECCLevel.M);
                var svg = new SvgQRCode(data).GetGraphic(4);
                return Results.Content(svg, "image/svg+xml");
            })
            .WithName("GetLabelSvg");
        api.MapGet("/assets/{assetId:guid}/label.png", async (Guid assetId, InventoryDbContext db, CurrentUser user, IOptions<InventoryOptions> options, CancellationToken ct) =>
            {
                var asset = await db.VisibleAssetAsync(assetId, user.DonorScope, ct);
                using var data = QRCodeGenerator.GenerateQrCode(string.Format(options.Value.LabelUrlFormat, asset.Id), QRCodeGenerator.ECCLevel.M);
                return Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png", $"{asset.SerialNumber}.png");
            })
            .WithName("GetLabelPng");
    }
}
