using System.Globalization;
using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Equipment.Inventory.Features.Passport;

/// <summary>
/// A printable label per asset. The SVG is the sticker: the QR code of the asset's portal address (<see cref="AssetAddress"/>,
/// under <see cref="InventoryOptions.PublicBaseUrl"/>), its serial, item, make and model, grant and contract, and the EU
/// visibility block ("Funded by the European Union" beside the EU emblem). The PNG is the QR code alone, for other layouts.
/// </summary>
public static class GetLabel
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assets/{assetId:guid}/label.svg", async (Guid assetId, InventoryDbContext db, CurrentUser user, IOptions<InventoryOptions> options, CancellationToken ct) =>
            {
                var asset = await db.VisibleAssetAsync(assetId, user.DonorScope, ct);
                var grant = await db.KnownGrants.AsNoTracking().Where(g => g.GrantId == asset.GrantId).Select(g => g.Reference).FirstOrDefaultAsync(ct);
                return Results.Content(LabelSvg.Draw(asset, grant, AssetAddress.Of(options.Value.PublicBaseUrl, asset.Id)), "image/svg+xml");
            })
            .WithName("GetLabelSvg");
        api.MapGet("/assets/{assetId:guid}/label.png", async (Guid assetId, InventoryDbContext db, CurrentUser user, IOptions<InventoryOptions> options, CancellationToken ct) =>
            {
                var asset = await db.VisibleAssetAsync(assetId, user.DonorScope, ct);
                using var data = QRCodeGenerator.GenerateQrCode(AssetAddress.Of(options.Value.PublicBaseUrl, asset.Id), QRCodeGenerator.ECCLevel.M);
                return Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png", $"{asset.SerialNumber}.png");
            })
            .WithName("GetLabelPng");
    }
}

/// <summary>The sticker, 100 × 54 mm: the QR code on the left, what a person reads on the right, the EU block below it.</summary>
public static class LabelSvg
{
    private const double Width = 100, Height = 54, TextLeft = 44, TextRight = 98;

    public static string Draw(Asset asset, string? grantReference, string address)
    {
        using var data = QRCodeGenerator.GenerateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}mm\" height=\"{Height}mm\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode($"Label of {asset.SerialNumber}")}\">");
        svg.Append($"<title>{Encode($"{asset.SerialNumber}: {asset.Description}")}</title><desc>Opens {Encode(address)}</desc>");
        svg.Append($"<rect x=\"0.25\" y=\"0.25\" width=\"{N(Width - 0.5)}\" height=\"{N(Height - 0.5)}\" rx=\"2\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.3\"/>");
        Qr(svg, data, x: 1, y: 5, size: 42);
        svg.Append("<g font-family=\"Arial, Helvetica, sans-serif\" fill=\"#000\">");
        var y = 8.5;
        Line(svg, asset.SerialNumber, ref y, 5.2, bold: true, monospace: true);
        Line(svg, asset.Description, ref y, 3.4);
        Line(svg, $"{asset.Manufacturer} {asset.Model}", ref y, 3.2);
        if (grantReference is { Length: > 0 }) Line(svg, $"Grant {grantReference}", ref y, 3.2);
        Line(svg, $"Contract {asset.ContractReference}", ref y, 3.2);
        // The EU visibility block: the emblem with "Funded by the European Union" beside it, at the foot of the label.
        EuEmblem(svg, x: TextLeft, y: 38, height: 11);
        svg.Append($"<text x=\"{N(TextLeft + 18.5)}\" y=\"42.6\" font-size=\"3.6\">Funded by</text>");
        svg.Append($"<text x=\"{N(TextLeft + 18.5)}\" y=\"47.2\" font-size=\"3.6\" font-weight=\"bold\">the European Union</text>");
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The EU emblem as its graphical rules draw it: a blue rectangle (Reflex Blue, #003399) 1.5 times as wide as high;
    /// twelve gold (#FFCC00) five-pointed stars, each one point up, on an invisible circle of a third of the height around
    /// the centre, at the hours of a clock face; each star's points on a circle of an eighteenth of the height.
    /// </summary>
    public static void EuEmblem(StringBuilder svg, double x, double y, double height)
    {
        var width = height * 1.5;
        double cx = x + width / 2, cy = y + height / 2, ring = height / 3, outer = height / 18, inner = outer * 0.381966;
        svg.Append($"<g role=\"img\" aria-label=\"EU emblem\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#003399\"/>");
        for (var hour = 0; hour < 12; hour++)
        {
            var a = hour * Math.PI / 6;
            double sx = cx + ring * Math.Sin(a), sy = cy - ring * Math.Cos(a);
            var points = Enumerable.Range(0, 10).Select(i =>
            {
                var r = i % 2 == 0 ? outer : inner;
                var t = i * Math.PI / 5;
                return $"{N(sx + r * Math.Sin(t))},{N(sy - r * Math.Cos(t))}";
            });
            svg.Append($"<polygon fill=\"#FFCC00\" points=\"{string.Join(' ', points)}\"/>");
        }
        svg.Append("</g>");
    }

    private static void Qr(StringBuilder svg, QRCodeData data, double x, double y, double size)
    {
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        var path = new StringBuilder();
        for (var row = 0; row < matrix.Count; row++)
            for (var column = 0; column < matrix[row].Count; column++)
                if (matrix[row][column]) path.Append($"M{N(x + column * module)} {N(y + row * module)}h{N(module)}v{N(module)}h-{N(module)}z");
        svg.Append($"<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{path}\"/>");
    }

    /// <summary>One line of text that fits the column: a smaller size down to 70 %, then cut with an ellipsis.</summary>
    private static void Line(StringBuilder svg, string text, ref double y, double size, bool bold = false, bool monospace = false)
    {
        var room = TextRight - TextLeft;
        var perChar = monospace ? 0.6 : 0.55;                     // average advance of a character, in ems
        var fitted = Math.Max(size * 0.7, Math.Min(size, room / Math.Max(1, text.Length * perChar)));
        var max = (int)(room / (fitted * perChar));
        var shown = text.Length <= max ? text : text[..Math.Max(1, max - 1)] + "…";
        svg.Append($"<text x=\"{N(TextLeft)}\" y=\"{N(y)}\" font-size=\"{N(fitted)}\"{(bold ? " font-weight=\"bold\"" : "")}{(monospace ? " font-family=\"'DejaVu Sans Mono', Consolas, monospace\"" : "")}>{Encode(shown)}</text>");
        y += fitted + 2.2;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
