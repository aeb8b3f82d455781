using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Equipment.Portal;

/// <summary>SVG elements Razor cannot write itself (<c>&lt;text&gt;</c> is a Razor keyword), with the text encoded.</summary>
public static class Svg
{
    public static MarkupString Text(double x, double y, string text, string anchor = "start") =>
        new($"<text x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{y.ToString("0.#", CultureInfo.InvariantCulture)}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");
}
