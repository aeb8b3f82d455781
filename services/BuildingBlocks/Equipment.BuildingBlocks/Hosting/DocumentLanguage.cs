using System.Globalization;
using Equipment.BuildingBlocks.Errors;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>
/// The language of a printable document (the donor's report, the evaluation report, the handover certificate):
/// <c>?lang=en|fr|ar</c>, or else the first of the request's Accept-Language that it is written in (the portal sends its
/// user's), or English. Texts come from the document's own resx files under the service's <c>Resources/</c> keyed by the
/// English text; numbers and dates are written as the portal writes them in that language (English ISO dates; French
/// 1 234,56 and 02/12/2026; Arabic, right to left, with the Gregorian calendar and the Maghreb's 1.234,56). A service
/// that prints one needs ICU (<c>InvariantGlobalization</c> false); without it every document is English. CSV, Excel,
/// IATI and OCDS files are data and stay invariant.
/// </summary>
public static class DocumentLanguage
{
    private static readonly string[] Offered = ["en", "fr", "ar"];

    public static CultureInfo Choose(string? lang, string? acceptLanguage)
    {
        if (lang is not null)
            return Offered.Contains(lang) ? Culture(lang)
                : throw new RuleViolationException("lang", "KnownLanguage", "lang is en, fr or ar.");
        if (StringWithQualityHeaderValue.TryParseList((acceptLanguage ?? "").Split(','), out var asked))
            foreach (var language in asked.OrderByDescending(a => a.Quality ?? 1))
            {
                var code = language.Value.Value?.Split('-')[0].ToLowerInvariant();
                if (code is not null && Offered.Contains(code)) return Culture(code);
            }
        return Culture("en");
    }

    public static CultureInfo Culture(string code)
    {
        CultureInfo c;
        try
        {
            // English is the invariant culture's numbers with ISO dates: it needs no ICU, so a host without it still answers
            c = code == "en" ? (CultureInfo)CultureInfo.InvariantCulture.Clone() : new CultureInfo(code);
        }
        catch (CultureNotFoundException)
        {
            c = (CultureInfo)CultureInfo.InvariantCulture.Clone();   // a process started without ICU (InvariantGlobalization): English
            code = "en";
        }
        c.DateTimeFormat.ShortTimePattern = "HH:mm";
        c.DateTimeFormat.LongDatePattern = code == "en" ? "dd MMMM yyyy" : "d MMMM yyyy";     // a certificate's date, without the weekday
        switch (code)
        {
            case "ar":
                c.DateTimeFormat.Calendar = c.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
                c.DateTimeFormat.DateSeparator = "/";
                c.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
                c.NumberFormat.NumberDecimalSeparator = c.NumberFormat.PercentDecimalSeparator = ",";
                c.NumberFormat.NumberGroupSeparator = c.NumberFormat.PercentGroupSeparator = ".";
                c.NumberFormat.NegativeSign = "-";
                break;
            case "fr":
                c.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
                break;
            default:
                c.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
                break;
        }
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>The language's code for <c>&lt;html lang&gt;</c>: English is the invariant culture's numbers.</summary>
    public static string Code(CultureInfo culture) => culture.Name.Length == 0 ? "en" : culture.TwoLetterISOLanguageName;

    /// <summary>Encodes for HTML what must be (&lt;, &amp;, quotes…), leaving letters of every script as they are (é, not &amp;#233;).</summary>
    public static string Html(object? value) => Encoder.Encode(Convert.ToString(value, CultureInfo.CurrentCulture) ?? "");

    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary><c>lang</c> and <c>dir</c> for the document's <c>&lt;html&gt;</c> element.</summary>
    public static string HtmlAttributes(CultureInfo culture) => $"lang=\"{Code(culture)}\" dir=\"{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}\"";

    /// <summary>Runs <paramref name="render"/> in <paramref name="culture"/> (the texts' lookups and the numbers' formats).</summary>
    public static string In(CultureInfo culture, Func<string> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private static readonly IStringLocalizerFactory Factory = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static IStringLocalizer Texts(Type owner) => Factory.Create(owner);
}
