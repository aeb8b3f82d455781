using Equipment.DonorReporting.Contracts.Api;
using Equipment.Portal;
using Equipment.Procurement.Contracts.Api;
using Equipment.Inventory.Contracts.Api;
using Equipment.Maintenance.Contracts.Api;

namespace Equipment.Portal.Tests;

public sealed class WordsTests : IDisposable
{
    // these are the English words: the French and Arabic ones are in LanguagesTests
    private readonly IDisposable _english = Language.Use("en");

    public void Dispose() => _english.Dispose();

    [Fact]
    public void Codes_are_shown_in_the_words_people_use()
    {
        Assert.Equal("Competitive negotiated procedure", Labels.Of(Procedure.CompetitiveNegotiatedProcedure));
        Assert.Equal("NDICI – Global Europe", Labels.Of(FundingInstrument.NdiciGlobalEurope));
        Assert.Equal("Lowest price", Labels.Of(AwardMethod.LowestPrice));
        Assert.Equal("Thermal camera", Labels.Category("ThermalCamera"));
        Assert.Equal("Submission closed", Labels.Of(LotStatus.SubmissionClosed));
        Assert.Equal("Found where expected", Labels.Of(Finding.FoundAsExpected));
    }

    [Fact]
    public void Every_value_of_every_enum_the_portal_shows_has_a_label_of_its_own()
    {
        var shown = new[]
        {
            typeof(Procedure), typeof(AwardMethod), typeof(LotStatus), typeof(TenderStatus), typeof(ContractStatus), typeof(RequisitionStatus),
            typeof(FundingInstrument), typeof(Finding), typeof(VisitStatus), typeof(AssetStatus), typeof(ShipmentStatus), typeof(OperationalStatus),
            typeof(FaultSeverity), typeof(WorkOrderKind), typeof(WorkOrderStatus), typeof(StockTakeState), typeof(AllegationStatus),
            typeof(WarrantyClaimStatus), typeof(DisposalKind), typeof(IndicatorSource), typeof(CustodyAction),
        };
        var missing = shown.SelectMany(type => Enum.GetValues(type).Cast<Enum>().Select(value => (type, value)))
            .Where(x => (string)typeof(Labels).GetMethod(nameof(Labels.Of))!.MakeGenericMethod(x.type).Invoke(null, [x.value])! == x.value.ToString()
                        && x.value.ToString().Any(char.IsUpper) && x.value.ToString().Skip(1).Any(char.IsUpper))
            .Select(x => $"{x.type.Name}.{x.value}")
            .ToList();
        Assert.Empty(missing);                 // a code of two words or more shown as it is, e.g. "InTransit", would be one
    }

    [Fact]
    public void An_unknown_code_is_shown_as_it_is_never_hidden() => Assert.Equal("HoverCraft", Labels.Category("HoverCraft"));

    [Theory]
    [InlineData(0, "0 visits")]
    [InlineData(1, "1 visit")]
    [InlineData(2, "2 visits")]
    [InlineData(1_000, "1,000 visits")]
    public void Plurals_are_right(int count, string expected) => Assert.Equal(expected, Plural.Of(count, "visit"));

    [Theory]
    [InlineData(1.0, "1 hour")]
    [InlineData(1.5, "1.5 hours")]
    [InlineData(0.25, "0.25 hours")]
    [InlineData(1.001, "1 hour")]                               // shown as 1, said as 1
    [InlineData(1234.5, "1,234.5 hours")]
    public void Measures_with_decimals_take_the_form_of_what_is_shown(double quantity, string expected) =>
        Assert.Equal(expected, Plural.Of((decimal)quantity, "hour"));

    [Fact]
    public void A_noun_with_its_own_plural_keeps_it() => Assert.Equal("2 countries", Plural.Of(2, "country", "countries"));

    [Theory]
    [InlineData(7.0 / 13.0, "53.8 %")]                          // 53.846…
    [InlineData(0.5385, "53.9 %")]                              // the double is 0.538499999…: decimal rounding gives what a person reads
    [InlineData(0.00049, "0.0 %")]
    [InlineData(1.0, "100.0 %")]
    [InlineData(0.12345, "12.3 %")]
    public void Percentages_are_rounded_one_way_everywhere(double share, string expected) => Assert.Equal(expected, Percent.Of(share));

    [Theory]
    [InlineData("lines[0].units[1].manufacturer", "Line 1, unit 2, manufacturer")]
    [InlineData("countryOfEstablishment", "Country of establishment")]
    [InlineData("evaluators[2].declarationSignedOn", "Evaluator 3, declaration signed on")]
    [InlineData("$.lines[0].quantity", "Line 1, quantity")]
    [InlineData("$", "The form")]
    [InlineData("deliveries[0]", "Delivery 1")]
    public void A_field_path_is_named_in_words(string path, string expected) => Assert.Equal(expected, Problem.FieldName(path));
}

public sealed class CrossingPointsTests
{
    private static readonly CrossingPoints Points =
        CrossingPoints.Of([new KnownCrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56, null)]);

    [Theory]
    [InlineData("en", "Ras Ajdir (Tunisia–Libya)")]
    [InlineData("fr", "Ras Ajdir (Tunisie–Libye)")]
    public void A_crossing_point_is_named_with_its_countries_in_the_users_language(string language, string expected)
    {
        using var _ = Language.Use(language);
        Assert.Equal(expected, Points.Label("TN-RAS-AJDIR"));
        Assert.Equal([("TN-RAS-AJDIR", expected)], Points.Choices());
    }

    [Fact]
    public void A_code_no_grant_of_the_user_knows_is_shown_as_it_is()
    {
        Assert.Equal("Ras Ajdir", Points.Name("tn-ras-ajdir"));
        Assert.Equal("XX-UNKNOWN", Points.Name("XX-UNKNOWN"));
        Assert.Equal("", Points.Name(null));
        Assert.Equal("XX-UNKNOWN", CrossingPoints.None.Label("XX-UNKNOWN"));
    }
}
