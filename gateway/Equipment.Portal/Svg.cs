using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Equipment.Portal;

/// <summary>SVG elements Razor cannot write itself (<c>&lt;text&gt;</c> is a Razor keyword), with the text encoded.</summary>
public static class Svg
{
    public static MarkupString Text(double x, double y, string text, string anchor = "start", double? size = null, string? cssClass = null) =>
        new($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{(size is { } s ? $" font-size=\"{N(s)}\"" : "")}{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{WebUtility.HtmlEncode(text)}</text>");

    /// <summary>
    /// How wide <paramref name="text"/> is drawn at <paramref name="size"/> in a sans-serif face, erring wide (capitals, digits
    /// and wide signs at 0.72 em, other letters at 0.62 em, spaces and punctuation at 0.38 em: DejaVu Sans, the widest of the
    /// usual faces, draws "4,000,000 EUR" at 7.5 em, this says 8.2): a layout that reserves this much never cuts a value off.
    /// </summary>
    public static double TextWidth(string text, double size) =>
        text.Sum(c => char.IsUpper(c) || char.IsDigit(c) || c is '%' or '€' or '—' or '–' or 'm' or 'w' ? 0.72 : char.IsLetter(c) ? 0.62 : 0.38) * size;

    /// <summary>The text cut with an ellipsis to fit <paramref name="room"/> (the whole of it goes in a title beside).</summary>
    public static string Fit(string text, double size, double room)
    {
        if (TextWidth(text, size) <= room) return text;
        var cut = text;
        while (cut.Length > 1 && TextWidth(cut + "…", size) > room) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
