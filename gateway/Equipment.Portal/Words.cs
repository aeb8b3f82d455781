using System.Collections.Frozen;
using System.Globalization;

namespace Equipment.Portal;

/// <summary>
/// The words the portal shows for the services' codes: "Competitive negotiated procedure", not
/// <c>CompetitiveNegotiatedProcedure</c>. The English table is here, keyed "Type.Code"; French and Arabic are the same
/// keys in <c>Resources/Labels.fr.resx</c> and <c>.ar.resx</c> (each entry's comment is the English label, which the
/// browser tests use to find English left on a French or Arabic page). A code no table knows is shown as it is.
/// </summary>
public static class Labels
{
    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["Procedure.InternationalOpenTender"] = "International open tender",
        ["Procedure.LocalOpenProcedure"] = "Local open procedure",
        ["Procedure.CompetitiveNegotiatedProcedure"] = "Competitive negotiated procedure",
        ["Procedure.SingleTender"] = "Single tender",
        ["AwardMethod.LowestPrice"] = "Lowest price",
        ["AwardMethod.BestValue"] = "Best value (price and quality)",
        ["LotStatus.Draft"] = "Draft", ["LotStatus.Published"] = "Published", ["LotStatus.SubmissionClosed"] = "Submission closed",
        ["LotStatus.Evaluation"] = "Under evaluation", ["LotStatus.AwardProposed"] = "Award proposed", ["LotStatus.Standstill"] = "Standstill",
        ["LotStatus.Awarded"] = "Awarded", ["LotStatus.ContractSigned"] = "Contract signed", ["LotStatus.Cancelled"] = "Cancelled",
        ["LotStatus.Unsuccessful"] = "Unsuccessful",
        ["TenderStatus.Draft"] = "Draft", ["TenderStatus.Published"] = "Published", ["TenderStatus.SubmissionClosed"] = "Submission closed",
        ["TenderStatus.Evaluation"] = "Under evaluation", ["TenderStatus.AwardProposed"] = "Award proposed", ["TenderStatus.Standstill"] = "Standstill",
        ["TenderStatus.Awarded"] = "Awarded", ["TenderStatus.ContractSigned"] = "Contract signed", ["TenderStatus.Cancelled"] = "Cancelled",
        ["TenderStatus.Unsuccessful"] = "Unsuccessful", ["TenderStatus.Mixed"] = "Lots at different steps",
        ["ContractStatus.Draft"] = "Draft", ["ContractStatus.Signed"] = "Signed",
        ["RequisitionStatus.Open"] = "Open", ["RequisitionStatus.Tendered"] = "Tendered", ["RequisitionStatus.Contracted"] = "Contracted",
        ["RequisitionStatus.Cancelled"] = "Cancelled",
        ["FundingInstrument.NdiciGlobalEurope"] = "NDICI – Global Europe", ["FundingInstrument.IpaIii"] = "IPA III", ["FundingInstrument.IpaIi"] = "IPA II",
        ["FundingInstrument.EuropeanNeighbourhoodInstrument"] = "European Neighbourhood Instrument", ["FundingInstrument.Bmvi"] = "BMVI",
        ["FundingInstrument.Amif"] = "AMIF", ["FundingInstrument.Isf"] = "ISF",
        ["Finding.FoundAsExpected"] = "Found where expected", ["Finding.Relocated"] = "Relocated", ["Finding.NotFound"] = "Not found",
        ["Finding.Unused"] = "Unused", ["Finding.Misused"] = "Misused",
        ["VisitStatus.Planned"] = "Planned", ["VisitStatus.Recorded"] = "Recorded",
        ["AssetStatus.Received"] = "Received", ["AssetStatus.HandedOver"] = "Handed over", ["AssetStatus.Deployed"] = "Deployed",
        ["AssetStatus.Disposed"] = "Disposed of", ["AssetStatus.Lost"] = "Lost", ["AssetStatus.Stolen"] = "Stolen",
        ["CustodyAction.Received"] = "Received", ["CustodyAction.HandedOver"] = "Handed over", ["CustodyAction.Deployed"] = "Deployed",
        ["CustodyAction.Transferred"] = "Transferred", ["CustodyAction.Disposed"] = "Disposed of", ["CustodyAction.Lost"] = "Lost",
        ["CustodyAction.Stolen"] = "Stolen",
        ["ShipmentStatus.Dispatched"] = "Dispatched", ["ShipmentStatus.InTransit"] = "In transit", ["ShipmentStatus.Arrived"] = "Arrived",
        ["ShipmentStatus.Received"] = "Received",
        ["OperationalStatus.Operational"] = "Operational", ["OperationalStatus.Degraded"] = "Degraded", ["OperationalStatus.OutOfService"] = "Out of service",
        ["OperationalStatus.UnderRepair"] = "Under repair", ["OperationalStatus.Disposed"] = "Disposed of",
        ["FaultSeverity.Low"] = "Low", ["FaultSeverity.Medium"] = "Medium", ["FaultSeverity.High"] = "High", ["FaultSeverity.Critical"] = "Critical",
        ["WorkOrderKind.Preventive"] = "Preventive", ["WorkOrderKind.Corrective"] = "Corrective",
        ["WorkOrderStatus.Open"] = "Open", ["WorkOrderStatus.Scheduled"] = "Scheduled", ["WorkOrderStatus.InProgress"] = "In progress",
        ["WorkOrderStatus.Completed"] = "Completed", ["WorkOrderStatus.Cancelled"] = "Cancelled",
        ["StockTakeState.Open"] = "Open", ["StockTakeState.Closed"] = "Closed",
        ["ItemCategory.ThermalCamera"] = "Thermal camera", ["ItemCategory.DayNightCamera"] = "Day/night surveillance camera",
        ["ItemCategory.PatrolVehicle"] = "Patrol vehicle", ["ItemCategory.DocumentExaminationKit"] = "Document examination kit",
        ["ItemCategory.Radio"] = "Radio communication equipment", ["ItemCategory.Boat"] = "Patrol boat",
        ["ItemCategory.SurveillanceSensor"] = "Surveillance sensor", ["ItemCategory.RiskAnalysisIt"] = "IT equipment for risk analysis",
        ["ItemCategory.NightVisionDevice"] = "Night-vision device",
        ["AllegationStatus.Received"] = "Received", ["AllegationStatus.UnderInvestigation"] = "Under investigation",
        ["AllegationStatus.Substantiated"] = "Substantiated", ["AllegationStatus.Unsubstantiated"] = "Unsubstantiated", ["AllegationStatus.Closed"] = "Closed",
        ["WarrantyClaimStatus.Raised"] = "Raised", ["WarrantyClaimStatus.Accepted"] = "Accepted", ["WarrantyClaimStatus.Rejected"] = "Rejected",
        ["WarrantyClaimStatus.Resolved"] = "Resolved",
        ["DisposalKind.Disposed"] = "Disposed of", ["DisposalKind.Lost"] = "Lost", ["DisposalKind.Stolen"] = "Stolen",
        ["IndicatorSource.AssetsDeployed"] = "Assets deployed at the agreed crossing points", ["IndicatorSource.VerifiedInUse"] = "Verified in use",
        ["IndicatorSource.Availability"] = "Availability", ["IndicatorSource.VerificationCoverage"] = "Verification coverage",
        ["PassportEntry.ContractSigned"] = "Contract signed", ["PassportEntry.Dispatched"] = "Dispatched", ["PassportEntry.Arrived"] = "Arrived",
        ["PassportEntry.Accepted"] = "Accepted", ["PassportEntry.Deviation"] = "Deviation",
        ["PassportEntry.StatusChanged"] = "Status changed", ["PassportEntry.VerificationFinding"] = "Verification finding",
        ["Service.procurement"] = "procurement", ["Service.inventory"] = "inventory", ["Service.maintenance"] = "maintenance",
        ["Service.donor-reporting"] = "donor reporting",
        ["Role.ProcurementOfficer"] = "procurement officer", ["Role.LogisticsOfficer"] = "logistics officer",
        ["Role.MaintenanceTechnician"] = "maintenance technician", ["Role.DonorMonitor"] = "donor monitor", ["Role.Administrator"] = "administrator",
    }.ToFrozenDictionary();

    /// <summary>The label of any of the services' enum values: <c>Labels.Of(Procedure.SingleTender)</c> → "Single tender".</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Lookup(typeof(TEnum).Name, value.ToString());

    /// <summary>An item category's label from its code (the services keep categories as codes): "ThermalCamera" → "Thermal camera".</summary>
    public static string Category(string? code) => code is null ? "" : Lookup("ItemCategory", code);

    /// <summary>The kind of an entry of an asset's passport (a step of the chain, or a custody action): "Dispatched", "Handed over".</summary>
    public static string PassportEntry(string kind) =>
        English.ContainsKey("PassportEntry." + kind) ? Lookup("PassportEntry", kind) : English.ContainsKey("CustodyAction." + kind) ? Lookup("CustodyAction", kind) : kind;

    /// <summary>The service that told a fact, in words: "donor-reporting" → "donor reporting".</summary>
    public static string Service(string code) => Lookup("Service", code);

    /// <summary>A role's name in words: "ProcurementOfficer" → "procurement officer".</summary>
    public static string Role(string code) => Lookup("Role", code);

    /// <summary>A record's state as a conflict names it ("Published", "Closed"): the first status table that knows it, or the code.</summary>
    public static string State(string code)
    {
        var key = English.Keys.FirstOrDefault(k => k.EndsWith("Status." + code, StringComparison.Ordinal) || k.EndsWith("State." + code, StringComparison.Ordinal));
        return key is null ? code : Lookup(key[..key.IndexOf('.')], code);
    }

    /// <summary>The English table, for the tests that check every key has its translations.</summary>
    public static IReadOnlyDictionary<string, string> EnglishTable => English;

    private static readonly Lazy<Microsoft.Extensions.Localization.IStringLocalizer> Translated = new(() => PortalLanguages.Texts(typeof(Labels)));

    private static string Lookup(string type, string code)
    {
        var key = $"{type}.{code}";
        if (!English.TryGetValue(key, out var english)) return code;
        var translated = Translated.Value[key];
        return translated.ResourceNotFound ? english : translated.Value;
    }
}

/// <summary>
/// Counts with their noun, in the user's language: "1 visit", "2 visits"; "1 visite", "0 visite", "2 visites"; Arabic's
/// six forms ("زيارة واحدة", "زيارتان", "3 زيارات", "11 زيارة", "100 زيارة"). The translations are in
/// <c>Resources/Plural.fr.resx</c> and <c>.ar.resx</c>, keyed "{0} visit" (the English singular), their forms separated
/// by "|": French "one|other", Arabic "one|two|few|many|other" (CLDR's plural rules; zero takes "other").
/// </summary>
public static class Plural
{
    private static readonly Lazy<Microsoft.Extensions.Localization.IStringLocalizer> Translated = new(() => PortalLanguages.Texts(typeof(Plural)));

    public static string Of(long count, string noun, string? plural = null) =>
        Say(count.ToString("N0", CultureInfo.CurrentCulture), count == 1, Form(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, count), noun, plural);

    /// <summary>
    /// A measure with its noun, shown with up to two decimals as <see cref="Shown.Number(decimal)"/> does: "1 hour",
    /// "1.5 hours", "1,5 heure", "1,5 ساعة". The form follows what is shown, with CLDR's rules for decimals.
    /// </summary>
    public static string Of(decimal quantity, string noun, string? plural = null)
    {
        var shown = Math.Round(quantity, 2, MidpointRounding.AwayFromZero);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var whole = shown == decimal.Truncate(shown);
        var form = whole && Math.Abs(shown) <= long.MaxValue ? Form(language, (long)shown) : FractionForm(language, shown);
        return Say(Shown.Number(shown), whole && shown == 1, form, noun, plural);
    }

    /// <inheritdoc cref="Of(decimal, string, string?)"/>
    public static string Of(double quantity, string noun, string? plural = null) => Of((decimal)quantity, noun, plural);

    private static string Say(string number, bool one, int form, string noun, string? plural)
    {
        var forms = Translated.Value["{0} " + noun];
        if (forms.ResourceNotFound) return $"{number} {(one ? noun : plural ?? noun + "s")}";
        var parts = forms.Value.Split('|');
        return parts[Math.Min(form, parts.Length - 1)].Replace("{0}", number, StringComparison.Ordinal);
    }

    /// <summary>Which of the language's forms a count takes (CLDR plural rules for integers).</summary>
    public static int Form(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "ar" => n == 1 ? 0 : n == 2 ? 1 : n % 100 is >= 3 and <= 10 ? 2 : n % 100 is >= 11 and <= 99 ? 3 : 4,
            "fr" => n <= 1 ? 0 : 1,
            _ => n == 1 ? 0 : 1,
        };
    }

    /// <summary>Which form a number with decimals shown takes: French "one" below 2 (1,5 heure), Arabic and English "other".</summary>
    public static int FractionForm(string language, decimal shown) => language switch
    {
        "fr" => Math.Abs(shown) < 2 ? 0 : 1,
        "ar" => 4,
        _ => 1,
    };
}

/// <summary>Shares shown as percentages the same way everywhere: one decimal, half away from zero, "53.9 %".</summary>
public static class Percent
{
    /// <summary>A share (0.5385 for 53.85 %) rounded as every service rounds one: <see cref="Equipment.BuildingBlocks.Contracts.Shares.Percent"/>.</summary>
    public static decimal Rounded(double share) => Equipment.BuildingBlocks.Contracts.Shares.Percent(share);

    public static string Of(double share) => Rounded(share).ToString("0.0", CultureInfo.CurrentCulture) + " %";
}

/// <summary>
/// Numbers, money and dates on screen, in the user's culture (<see cref="PortalLanguages.Cultures"/>): the one place the
/// portal formats them. Files for machines (CSV, IATI, OCDS) and HTML attributes (<c>datetime</c>, <c>value</c> of a date
/// input) stay invariant and never use these.
/// </summary>
public static class Shown
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>An amount with its currency code: "1,234.56 EUR", "1 234,56 EUR", "1.234,56 EUR".</summary>
    public static string Money(decimal amount, string? currency) => $"{amount.ToString("N2", Culture)} {currency}".TrimEnd();

    /// <summary>A rounded amount with its currency code: "1,235 EUR".</summary>
    public static string WholeMoney(decimal amount, string? currency) => $"{amount.ToString("N0", Culture)} {currency}".TrimEnd();

    /// <summary>An amount without its currency (a table column headed with it): "1,234.56".</summary>
    public static string Amount(decimal amount) => amount.ToString("N2", Culture);

    /// <summary>A count or a whole amount: "1,234".</summary>
    public static string Whole(decimal value) => value.ToString("N0", Culture);

    /// <summary>A measure with up to two decimals: "2.5", "2,5".</summary>
    public static string Number(double value) => value.ToString("#,0.##", Culture);

    /// <inheritdoc cref="Number(double)"/>
    public static string Number(decimal value) => value.ToString("#,0.##", Culture);

    public static string Date(DateOnly date) => date.ToString("d", Culture);
    /// <summary>
    /// A fact of a service's sentence in the user's culture: a day (<c>yyyy-MM-dd</c>), a number with its thousands marked
    /// (<c>10,000</c>), an amount with its thousands marked and its cents (<c>42,500.00</c>, <c>12.50</c>); anything else as it came.
    /// </summary>
    public static string Fact(string fact) =>
        fact.Length == 10 && DateOnly.TryParseExact(fact, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Date(day)
        : fact.Contains(',') && System.Text.RegularExpressions.Regex.IsMatch(fact, @"^\d{1,3}(,\d{3})+$") ? decimal.Parse(fact, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ToString("N0", Culture)
        : fact.Contains('.') && System.Text.RegularExpressions.Regex.IsMatch(fact, @"^\d{1,3}(,\d{3})*\.\d{2}$")
            ? decimal.Parse(fact, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture).ToString("N2", Culture)
        : fact;
    public static string Date(DateTime date) => date.ToString("d", Culture);
    public static string Date(DateTimeOffset date) => date.ToString("d", Culture);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
    public static string Date(DateTime? date) => date is { } d ? Date(d) : "";
    public static string Date(DateTimeOffset? date) => date is { } d ? Date(d) : "";

    /// <summary>A date and time to the minute: "2026-12-02 14:05", "02/12/2026 14:05".</summary>
    public static string Time(DateTimeOffset at) => at.ToString("g", Culture);
    public static string Time(DateTime at) => at.ToString("g", Culture);
    public static string Time(DateTimeOffset? at) => at is { } a ? Time(a) : "";
    public static string Time(DateTime? at) => at is { } a ? Time(a) : "";

    /// <summary>A date and time to the second (a history's entries).</summary>
    public static string Moment(DateTimeOffset at) => at.ToString("G", Culture);
    public static string Moment(DateTime at) => at.ToString("G", Culture);
}
