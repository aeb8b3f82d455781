using System.Globalization;
using System.Text;
using System.Xml;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>
/// The caller's grants as an IATI 2.03 activities file, streamed one activity at a time. Each grant is an activity
/// reported by its donor: funding and implementing organisations, status, dates, recipient countries, the budget,
/// transactions (commitments: signed supply contracts; disbursements: the donor's tranches; expenditure: goods
/// delivered and accepted) and results whose indicators are fed by deployments, maintenance and verification.
/// Never in this file: crossing-point coordinates, verification positions, misuse allegations.
/// </summary>
public static class IatiActivities
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/iati/activities", async (HttpContext context, ReportingDbContext db, CurrentUser user, TimeProvider clock) =>
            {
                var ct = context.RequestAborted;
                var now = clock.GetUtcNow().UtcDateTime;
                var grants = await db.Grants.AsNoTracking()
                    .Where(g => user.DonorScope == null || g.DonorCode == user.DonorScope)
                    .OrderBy(g => g.Reference).ToListAsync(ct);
                var donors = await db.Donors.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);

                context.Response.ContentType = "application/xml; charset=utf-8";
                context.Response.Headers.ContentDisposition = "attachment; filename=\"iati-activities.xml\"";
                var body = context.Response.Body;
                await body.WriteAsync(Utf8($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"{Timestamp(now)}\">\n"), ct);
                foreach (var grant in grants)
                {
                    var figures = await GrantSummary.FiguresAsync(db, grant, now, ct);
                    var contracts = (await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grant.Id).ToListAsync(ct))
                        .OrderBy(c => c.SignedOn).ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
                    var disbursements = await db.Disbursements.AsNoTracking().Where(d => d.GrantId == grant.Id).OrderBy(d => d.PaidOn).ToListAsync(ct);
                    // Units accepted per contract and day, counted in the database (one row per asset value within them).
                    var accepted = await db.TrackedAssets.Where(a => a.GrantId == grant.Id && a.ReceivedOn != null && a.ContractId != null)
                        .GroupBy(a => new { ContractId = a.ContractId!.Value, ReceivedOn = a.ReceivedOn!.Value, a.UnitValue })
                        .Select(g => new { g.Key.ContractId, g.Key.ReceivedOn, g.Key.UnitValue, Units = g.Count() }).ToListAsync(ct);
                    var deliveries = accepted.GroupBy(a => (a.ContractId, a.ReceivedOn)).OrderBy(g => g.Key.ReceivedOn)
                        .Select(g => (contracts.FirstOrDefault(c => c.ContractId == g.Key.ContractId), g.Key.ReceivedOn, g.Sum(a => a.Units * (a.UnitValue ?? 0)), g.Sum(a => a.Units))).ToList();

                    // One activity at a time: written to memory with the synchronous XmlWriter, then sent asynchronously.
                    using var activity = new MemoryStream();
                    using (var xml = XmlWriter.Create(activity, new XmlWriterSettings
                           { ConformanceLevel = ConformanceLevel.Fragment, Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
                        WriteActivity(xml, grant, donors[grant.DonorCode], figures, contracts, deliveries, disbursements, now);
                    await body.WriteAsync(activity.GetBuffer().AsMemory(0, (int)activity.Length), ct);
                    await body.WriteAsync(Utf8("\n"), ct);
                }
                await body.WriteAsync(Utf8("</iati-activities>\n"), ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .WithName("IatiActivities");

    private static void WriteActivity(XmlWriter xml, Grant grant, Donor donor, GrantFigures f, IReadOnlyList<SignedContract> contracts,
        IReadOnlyList<(SignedContract? Contract, DateOnly ReceivedOn, decimal Value, int Units)> deliveries, IReadOnlyList<Disbursement> disbursements, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        xml.WriteStartElement("iati-activity");
        xml.WriteAttributeString("last-updated-datetime", Timestamp(now));
        xml.WriteAttributeString("xml", "lang", null, "en");
        xml.WriteAttributeString("default-currency", grant.Currency);

        xml.WriteElementString("iati-identifier", $"{donor.IatiReference}-{grant.Reference}");
        xml.WriteStartElement("reporting-org");
        xml.WriteAttributeString("ref", donor.IatiReference);
        xml.WriteAttributeString("type", donor.IatiOrganisationType);
        Narrative(xml, donor.Name);
        xml.WriteEndElement();
        Text(xml, "title", grant.Title);
        xml.WriteStartElement("description");
        xml.WriteAttributeString("type", "1");
        Narrative(xml, $"Border-management equipment financed under {grant.Instrument} ({grant.Reference}), procured, handed over to the beneficiary border " +
                       $"authorities and deployed at {grant.CrossingPoints.Count} agreed border crossing points in {string.Join(", ", grant.BeneficiaryCountries)}.");
        xml.WriteEndElement();

        xml.WriteStartElement("participating-org");
        xml.WriteAttributeString("ref", donor.IatiReference);
        xml.WriteAttributeString("role", "1");
        xml.WriteAttributeString("type", donor.IatiOrganisationType);
        Narrative(xml, donor.Name);
        xml.WriteEndElement();
        xml.WriteStartElement("participating-org");
        xml.WriteAttributeString("role", "4");
        Narrative(xml, grant.ImplementingPartner);
        xml.WriteEndElement();

        xml.WriteStartElement("activity-status");
        xml.WriteAttributeString("code", today < grant.StartDate ? "1" : today <= grant.EndDate ? "2" : "3");
        xml.WriteEndElement();
        ActivityDate(xml, "1", grant.StartDate);
        if (today >= grant.StartDate) ActivityDate(xml, "2", grant.StartDate);
        ActivityDate(xml, "3", grant.EndDate);

        var countries = grant.BeneficiaryCountries;
        for (var i = 0; i < countries.Count; i++)
        {
            xml.WriteStartElement("recipient-country");
            xml.WriteAttributeString("code", countries[i]);
            var share = Math.Round(100m / countries.Count, 2);
            xml.WriteAttributeString("percentage", (i < countries.Count - 1 ? share : 100m - share * (countries.Count - 1)).ToString(Invariant));
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sector");
        xml.WriteAttributeString("vocabulary", "1");
        xml.WriteAttributeString("code", "15210");
        Narrative(xml, "Security system management and reform");
        xml.WriteEndElement();

        // IATI's data-quality rules: a budget period lasts at most a year.
        foreach (var period in BudgetPeriods.Split(grant.StartDate, grant.EndDate, grant.Amount))
        {
            xml.WriteStartElement("budget");
            xml.WriteAttributeString("type", grant.Version > 1 ? "2" : "1");
            xml.WriteAttributeString("status", "2");
            DateElement(xml, "period-start", period.Start);
            DateElement(xml, "period-end", period.End);
            Value(xml, period.Amount, period.Start);
            xml.WriteEndElement();
        }

        foreach (var c in contracts)
            Transaction(xml, "2", c.SignedOn, c.Value, $"Supply contract {c.Reference} (version {c.Version})", receiver: c.SupplierName);
        foreach (var d in disbursements)
            Transaction(xml, "3", d.PaidOn, d.Amount, $"Tranche {d.Reference} paid to the implementing partner", receiver: grant.ImplementingPartner);
        foreach (var (contract, receivedOn, value, units) in deliveries)
            Transaction(xml, "4", receivedOn, value, $"{units} units accepted under {contract?.Reference ?? "a supply contract"}", receiver: contract?.SupplierName);

        if (f.Indicators.Count > 0)
        {
            xml.WriteStartElement("result");
            xml.WriteAttributeString("type", "1");
            xml.WriteAttributeString("aggregation-status", "false");
            Text(xml, "title", "Equipment deployed at the agreed border crossing points, available and verified in use");
            foreach (var i in f.Indicators)
            {
                xml.WriteStartElement("indicator");
                xml.WriteAttributeString("measure", i.Measure == IndicatorMeasure.Unit ? "1" : "2");
                xml.WriteAttributeString("ascending", "true");
                Text(xml, "title", i.Title);
                xml.WriteStartElement("baseline");
                xml.WriteAttributeString("year", i.BaselineYear.ToString(Invariant));
                xml.WriteAttributeString("value", i.Baseline.ToString(Invariant));
                xml.WriteEndElement();
                xml.WriteStartElement("period");
                DateElement(xml, "period-start", grant.StartDate);
                DateElement(xml, "period-end", today < grant.EndDate ? today : grant.EndDate);
                xml.WriteStartElement("target");
                xml.WriteAttributeString("value", i.Target.ToString(Invariant));
                xml.WriteEndElement();
                if (i.Actual is { } actual)
                {
                    xml.WriteStartElement("actual");
                    xml.WriteAttributeString("value", actual.ToString(Invariant));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);

    private static void Transaction(XmlWriter xml, string type, DateOnly on, decimal value, string description, string? receiver)
    {
        xml.WriteStartElement("transaction");
        xml.WriteStartElement("transaction-type");
        xml.WriteAttributeString("code", type);
        xml.WriteEndElement();
        DateElement(xml, "transaction-date", on);
        Value(xml, value, on);
        Text(xml, "description", description);
        if (receiver is not null)
        {
            xml.WriteStartElement("receiver-org");
            Narrative(xml, receiver);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, decimal amount, DateOnly valueDate)
    {
        xml.WriteStartElement("value");
        xml.WriteAttributeString("value-date", valueDate.ToString("yyyy-MM-dd", Invariant));
        xml.WriteString(amount.ToString("0.00", Invariant));
        xml.WriteEndElement();
    }

    private static void ActivityDate(XmlWriter xml, string type, DateOnly date)
    {
        xml.WriteStartElement("activity-date");
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("iso-date", date.ToString("yyyy-MM-dd", Invariant));
        xml.WriteEndElement();
    }

    private static void DateElement(XmlWriter xml, string name, DateOnly date)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("iso-date", date.ToString("yyyy-MM-dd", Invariant));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name);
        Narrative(xml, text);
        xml.WriteEndElement();
    }

    private static void Narrative(XmlWriter xml, string text) => xml.WriteElementString("narrative", text);
}
