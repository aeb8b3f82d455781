using System.Collections.Frozen;
using System.Globalization;

namespace Equipment.Portal;

/// <summary>
/// The words the portal shows for the services' codes: "Competitive negotiated procedure", not
/// <c>CompetitiveNegotiatedProcedure</c>. One table, keyed "Type.Code", so a translation (French, Arabic) is another
/// table with the same keys; a code the table does not know yet is shown as it is, never hidden.
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
    }.ToFrozenDictionary();

    /// <summary>The label of any of the services' enum values: <c>Labels.Of(Procedure.SingleTender)</c> → "Single tender".</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Lookup(typeof(TEnum).Name, value.ToString());

    /// <summary>An item category's label from its code (the services keep categories as codes): "ThermalCamera" → "Thermal camera".</summary>
    public static string Category(string? code) => code is null ? "" : Lookup("ItemCategory", code);

    private static string Lookup(string type, string code) => English.GetValueOrDefault($"{type}.{code}", code);
}

/// <summary>Counts with their noun: "1 visit", "2 visits", "0 visits".</summary>
public static class Plural
{
    public static string Of(long count, string noun, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? noun : plural ?? noun + "s")}";
}

/// <summary>Shares shown as percentages the same way everywhere: one decimal, half away from zero, "53.9 %".</summary>
public static class Percent
{
    /// <summary>A share (0.5385 for 53.85 %) rounded as decimal arithmetic does, so a double's binary tail never tips it down.</summary>
    public static decimal Rounded(double share) => Math.Round((decimal)share * 100m, 1, MidpointRounding.AwayFromZero);

    public static string Of(double share) => Rounded(share).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
