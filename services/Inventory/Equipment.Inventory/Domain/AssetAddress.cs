namespace Equipment.Inventory.Domain;

/// <summary>
/// An asset's address in the portal, which its QR label encodes: <c>{public base}/assets/{id}</c>. The portal opens it
/// (through sign-in when needed); a search or a count given the address (a scanned or pasted label) reads the id back.
/// </summary>
public static class AssetAddress
{
    public const string Path = "assets/";

    /// <summary>The label's address of the asset under the portal's public base address (with or without its final slash).</summary>
    public static string Of(string publicBaseUrl, Guid assetId) => publicBaseUrl.TrimEnd('/') + "/" + Path + assetId.ToString("D");

    /// <summary>
    /// The asset id <paramref name="text"/> names: a bare id, or an address whose path ends in <c>assets/{id}</c> (a QR
    /// label's, whatever host printed it, or a portal page's such as <c>/logistics/assets/{id}</c>). Null for anything else.
    /// </summary>
    public static Guid? IdIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (Guid.TryParseExact(trimmed, "D", out var bare)) return bare;
        var path = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : trimmed.Split('?', '#')[0];
        var segments = path.TrimEnd('/').Split('/');
        return segments.Length >= 2 && segments[^2].Equals("assets", StringComparison.OrdinalIgnoreCase)
            && Guid.TryParseExact(segments[^1], "D", out var id) ? id : null;
    }
}
