using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Portal.Components.Layout;
using Equipment.Procurement.Contracts.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal.Tests;

/// <summary>Sets the current culture to one of the portal's (as the request localization does) until disposed.</summary>
public sealed class Language : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;

    private Language(string code) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalLanguages.Culture(code);

    public static IDisposable Use(string code) => new Language(code);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }
}

public sealed partial class LanguagesTests
{
    private static IStringLocalizer<T> Localizer<T>() =>
        new ServiceCollection().AddLogging().AddPortalLanguages().BuildServiceProvider().GetRequiredService<IStringLocalizer<T>>();

    private static readonly string Resources = Path.Combine(Root(), "gateway", "Equipment.Portal", "Resources");

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Equipment.sln) is not above the test's folder");
    }

    private static Dictionary<string, (string Value, string? Comment)> Entries(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => ((string)d.Element("value")!, (string?)d.Element("comment")));

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order());

    [Theory]
    [InlineData("fr", "Appels d'offres")]
    [InlineData("ar", "المناقصات")]
    [InlineData("en", "Tenders")]
    public void A_component_text_is_read_from_its_own_resource_file_in_the_users_language(string language, string expected)
    {
        using var _ = Language.Use(language);
        var text = Localizer<MainLayout>()["Tenders"];
        Assert.Equal(expected, text.Value);
        Assert.Equal(language != "en", !text.ResourceNotFound);
    }

    [Fact]
    public void Every_French_text_has_its_Arabic_twin_and_the_reverse_with_the_same_placeholders()
    {
        var problems = new List<string>();
        var french = Directory.GetFiles(Resources, "*.fr.resx", SearchOption.AllDirectories);
        Assert.True(french.Length > 30, $"only {french.Length} French resource files under {Resources}");
        foreach (var fr in french)
        {
            var name = Path.GetRelativePath(Resources, fr)[..^".fr.resx".Length];
            var ar = fr[..^".fr.resx".Length] + ".ar.resx";
            if (!File.Exists(ar)) { problems.Add($"{name}: no .ar.resx"); continue; }
            foreach (var file in new[] { fr, ar })                  // resx names are case-insensitive: "Whole grant" and "whole grant" do not build
                problems.AddRange(XDocument.Load(file).Root!.Elements("data").GroupBy(d => ((string)d.Attribute("name")!).ToLowerInvariant()).Where(g => g.Count() > 1)
                    .Select(g => $"{Path.GetFileName(file)}: \"{g.Key}\" twice"));
            var (frs, ars) = (Entries(fr), Entries(ar));
            problems.AddRange(frs.Keys.Except(ars.Keys).Select(k => $"{name}: \"{k}\" has no Arabic"));
            problems.AddRange(ars.Keys.Except(frs.Keys).Select(k => $"{name}: \"{k}\" has no French"));
            foreach (var (key, (value, comment)) in frs.Where(e => ars.ContainsKey(e.Key)))
            {
                var english = comment ?? key;                       // a code's key (Labels, rules) says its English in the comment
                foreach (var (language, text) in new[] { ("French", value), ("Arabic", ars[key].Value) })
                {
                    if (Placeholders(text) != Placeholders(english)) problems.Add($"{name}: \"{key}\" in {language} has {{{Placeholders(text)}}}, the English {{{Placeholders(english)}}}");
                    if (string.IsNullOrWhiteSpace(text)) problems.Add($"{name}: \"{key}\" is empty in {language}");
                }
            }
        }
        foreach (var ar in Directory.GetFiles(Resources, "*.ar.resx", SearchOption.AllDirectories))
            if (!File.Exists(ar[..^".ar.resx".Length] + ".fr.resx")) problems.Add($"{Path.GetRelativePath(Resources, ar)}: no .fr.resx");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_resource_file_belongs_to_a_component_or_class_of_the_portal()
    {
        var portal = Path.GetDirectoryName(Resources)!;
        var orphans = Directory.GetFiles(Resources, "*.resx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Resources, f).Split('.')[0])
            .Distinct()
            .Where(name => !File.Exists(Path.Combine(portal, name + ".razor")) && !File.Exists(Path.Combine(portal, name + ".cs"))
                           && typeof(Labels).Assembly.GetType("Equipment.Portal." + name.Replace(Path.DirectorySeparatorChar, '.')) is null)
            .ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_label_has_its_French_and_Arabic_and_says_its_English_in_the_comment()
    {
        var (fr, ar) = (Entries(Path.Combine(Resources, "Labels.fr.resx")), Entries(Path.Combine(Resources, "Labels.ar.resx")));
        foreach (var (key, english) in Labels.EnglishTable)
        {
            Assert.True(fr.TryGetValue(key, out var f), $"{key} has no French");
            Assert.True(ar.ContainsKey(key), $"{key} has no Arabic");
            Assert.Equal(english, f.Comment);
        }
        Assert.Empty(fr.Keys.Except(Labels.EnglishTable.Keys));
    }

    [Theory]
    [InlineData("fr", "Procédure négociée concurrentielle", "Appel d'offres ouvert international", "Caméra thermique")]
    [InlineData("ar", "إجراء تفاوضي تنافسي", "مناقصة دولية مفتوحة", "كاميرا حرارية")]
    public void Codes_are_said_in_the_users_language_with_PRAGs_own_terms(string language, string negotiated, string international, string camera)
    {
        using var _ = Language.Use(language);
        Assert.Equal(negotiated, Labels.Of(Procedure.CompetitiveNegotiatedProcedure));
        Assert.Equal(international, Labels.Of(Procedure.InternationalOpenTender));
        Assert.Equal(camera, Labels.Category("ThermalCamera"));
        Assert.Equal("HoverCraft", Labels.Category("HoverCraft"));
    }

    [Theory]
    [InlineData("fr", 0, "0 visite")]
    [InlineData("fr", 1, "1 visite")]
    [InlineData("fr", 2, "2 visites")]
    [InlineData("ar", 0, "0 زيارة")]
    [InlineData("ar", 1, "زيارة واحدة")]
    [InlineData("ar", 2, "زيارتان")]
    [InlineData("ar", 3, "3 زيارات")]
    [InlineData("ar", 10, "10 زيارات")]
    [InlineData("ar", 11, "11 زيارة")]
    [InlineData("ar", 99, "99 زيارة")]
    [InlineData("ar", 100, "100 زيارة")]
    [InlineData("ar", 103, "103 زيارات")]
    public void Plurals_follow_each_languages_rules(string language, int count, string expected)
    {
        using var _ = Language.Use(language);
        Assert.Equal(expected, Plural.Of(count, "visit"));
    }

    [Theory]
    [InlineData("fr", 1.5, "1,5 heure")]                          // CLDR: French "one" for 0 ≤ n < 2
    [InlineData("fr", 2.5, "2,5 heures")]
    [InlineData("fr", 2, "2 heures")]
    [InlineData("ar", 1, "ساعة واحدة")]
    [InlineData("ar", 2, "ساعتان")]
    [InlineData("ar", 2.5, "2,5 ساعة")]                            // Arabic: a number with decimals takes "other"
    [InlineData("ar", 11, "11 ساعة")]
    public void Measures_with_decimals_follow_each_languages_rules(string language, double quantity, string expected)
    {
        using var _ = Language.Use(language);
        Assert.Equal(expected, Plural.Of((decimal)quantity, "hour"));
    }

    [Fact]
    public void Money_numbers_shares_and_dates_are_written_as_each_culture_writes_them()
    {
        var day = new DateOnly(2026, 12, 2);
        using (Language.Use("en"))
        {
            Assert.Equal("1,234.56 EUR", Shown.Money(1234.56m, "EUR"));
            Assert.Equal("2026-12-02", Shown.Date(day));
            Assert.Equal("2026-12-02 14:05", Shown.Time(new DateTime(2026, 12, 2, 14, 5, 0, DateTimeKind.Utc)));
            Assert.Equal("53.9 %", Percent.Of(0.5385));
        }
        using (Language.Use("fr"))
        {
            var group = CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator;     // a narrow no-break space in ICU's French
            Assert.True(group.Trim().Length == 0, $"French groups thousands with a space, not '{group}'");
            Assert.Equal($"1{group}234,56 EUR", Shown.Money(1234.56m, "EUR"));
            Assert.Equal("02/12/2026", Shown.Date(day));
            Assert.Equal("53,9 %", Percent.Of(0.5385));
        }
        using (Language.Use("ar"))
        {
            Assert.Equal("1.234,56 EUR", Shown.Money(1234.56m, "EUR"));
            Assert.Equal("02/12/2026", Shown.Date(day));                               // the Gregorian calendar, not Umm al-Qura
            Assert.Equal("53,9 %", Percent.Of(0.5385));
            Assert.True(PortalLanguages.RightToLeft);
        }
    }

    [Theory]
    [InlineData("fr", "lines[0].units[1].manufacturer", "Ligne 1, unité 2, fabricant")]
    [InlineData("fr", "countryOfEstablishment", "Pays d'établissement")]
    [InlineData("fr", "$", "Le formulaire")]
    [InlineData("ar", "lines[0].quantity", "السطر 1، الكمية")]
    public void A_field_path_is_named_in_the_users_words(string language, string path, string expected)
    {
        using var _ = Language.Use(language);
        Assert.Equal(expected, Problem.FieldName(path));
    }

    /// <summary>The rule a service names in a refusal: the second argument of a violation or a conflict (the first is its field or sentence).</summary>
    [GeneratedRegex(@"(?:RuleViolationException|ConflictException)\(\s*(?:\$?""(?:[^""\\]|\\.)*""|[^,()""]+),\s*""([A-Za-z]+)""")]
    private static partial Regex RuleNamed();

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Every_rule_a_service_refuses_by_has_its_words_in_French_and_Arabic(string language)
    {
        var rules = Directory.EnumerateFiles(Path.Combine(Root(), "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => RuleNamed().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(rules.Count > 80, $"found only {rules.Count} rules: the search no longer sees the services' refusals");
        var entries = Entries(Path.Combine(Resources, $"Problem.{language}.resx"));
        Assert.Empty(rules.Where(rule => !entries.ContainsKey("Rule." + rule)).Order());
    }

    [Fact]
    public void A_sentence_a_service_says_in_words_is_said_in_French_and_Arabic_with_its_days_in_the_users_culture()
    {
        var words = Equipment.BuildingBlocks.Contracts.Words.Say("Warranty of {0} {1} ends on {2}", "Thermal camera", "TV-0001", new DateOnly(2026, 12, 31));
        Assert.Equal("Warranty of Thermal camera TV-0001 ends on 2026-12-31", words.Text);             // the service's English, for any client
        string Said(string language)
        {
            using var _ = Language.Use(language);
            return Localizer<Equipment.Portal.Components.Pages.Home>()[words.Phrase, [.. words.Facts.Select(Shown.Fact)]];
        }
        Assert.Equal("La garantie de Thermal camera TV-0001 prend fin le 31/12/2026", Said("fr"));
        Assert.StartsWith("ينتهي ضمان Thermal camera TV-0001 في ", Said("ar"));
        Assert.DoesNotContain("2026-12-31", Said("ar"));
        Assert.Equal("Warranty of Thermal camera TV-0001 ends on 2026-12-31", Said("en"));     // the portal's English writes days as ISO
        using (Language.Use("fr")) Assert.Equal("10\u202F000", Shown.Fact("10,000"));
    }

    [Fact]
    public void A_passport_entry_is_said_in_French_and_Arabic_with_its_amounts_in_the_users_culture_and_an_old_one_in_its_English()
    {
        var words = Equipment.BuildingBlocks.Contracts.Words.Say("Contract {0} line {1} signed with {2}: {3} × {4} at {5} {6}",
            "C-2026-017", 1, "Thermovision GmbH", 3, "Thermal camera", "42,500.00", "EUR");
        string Said(string language, Equipment.BuildingBlocks.Contracts.Words? said, string english)
        {
            using var _ = Language.Use(language);
            var page = Localizer<Equipment.Portal.Components.Pages.Logistics.AssetPage>();
            return said is null ? english : page[said.Phrase, [.. said.Facts.Select(Shown.Fact)]];
        }
        Assert.Equal("Contrat C-2026-017, ligne 1, signé avec Thermovision GmbH : 3 × Thermal camera à 42\u202F500,00 EUR l'unité", Said("fr", words, words.Text));
        var arabic = Said("ar", words, words.Text);
        Assert.StartsWith("وُقِّع العقد C-2026-017، البند 1، مع Thermovision GmbH", arabic);
        Assert.DoesNotContain("42,500.00", arabic);
        Assert.Equal("Contract C-2026-017 line 1 signed with Thermovision GmbH: 3 × Thermal camera at 42,500.00 EUR", Said("en", words, words.Text));

        var moved = Equipment.BuildingBlocks.Contracts.Words.Say("warehouse {0} → {1}: Deployment (by {2})", "WH-TUN", "Ras Ajdir (TN-RAS-AJDIR)", "logistics");
        Assert.Equal("Entrepôt WH-TUN → Ras Ajdir (TN-RAS-AJDIR) : déploiement (par logistics)", Said("fr", moved, moved.Text));
        Assert.Equal("من المستودع WH-TUN إلى Ras Ajdir (TN-RAS-AJDIR): التوزيع على الموقع (بواسطة logistics)", Said("ar", moved, moved.Text));
        var found = Equipment.BuildingBlocks.Contracts.Words.Say("NotFound at {0} (visit by {1})", "TN-RAS-AJDIR", "monitor");
        Assert.Equal("Introuvable à TN-RAS-AJDIR (visite de monitor)", Said("fr", found, found.Text));
        Assert.Equal("OutOfService: Cooler failure", Said("fr", null, "OutOfService: Cooler failure"));     // a note kept before its words were

        using (Language.Use("fr"))
        {
            Assert.Equal(("12,50", "1.2.50", "12.5", "2026"), (Shown.Fact("12.50"), Shown.Fact("1.2.50"), Shown.Fact("12.5"), Shown.Fact("2026")));
            Assert.Equal("Changement d'état", Labels.PassportEntry("StatusChanged"));
        }
    }

    [Fact]
    public void A_refusal_is_said_by_its_rule_in_French_and_Arabic_and_left_to_the_service_in_English()
    {
        using (Language.Use("fr")) Assert.Equal("Ce champ est obligatoire.", Problem.RuleText("NotEmpty"));
        using (Language.Use("ar")) Assert.Equal("هذا الحقل إلزامي.", Problem.RuleText("NotEmpty"));
        using (Language.Use("en")) Assert.Null(Problem.RuleText("NotEmpty"));                 // the service's own sentence says more
        using (Language.Use("fr")) Assert.Null(Problem.RuleText("NoSuchRule"));               // the service's sentence is kept
        using (Language.Use("fr")) Assert.Equal("Élevée", Labels.Of(FaultSeverity.High));
    }
}
