using System.Net;
using Microsoft.AspNetCore.Components;

namespace Equipment.Portal.Components;

/// <summary>
/// A translated sentence with a link inside it, so that the sentence is translated whole and each language puts the
/// link where its word order wants it: <c>@Linked.Of(T["Go back to [the start page]."], "/")</c>. The words between
/// the brackets become the link; everything is HTML-encoded.
/// </summary>
public static class Linked
{
    public static MarkupString Of(string sentence, string href)
    {
        var open = sentence.IndexOf('[');
        var close = open < 0 ? -1 : sentence.IndexOf(']', open);
        if (close < 0) return new MarkupString(WebUtility.HtmlEncode(sentence));
        return new MarkupString(WebUtility.HtmlEncode(sentence[..open]) + $"<a href=\"{WebUtility.HtmlEncode(href)}\">"
            + WebUtility.HtmlEncode(sentence[(open + 1)..close]) + "</a>" + WebUtility.HtmlEncode(sentence[(close + 1)..]));
    }
}
