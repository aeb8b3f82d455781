using System.Globalization;
using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Domain;
using Equipment.Maintenance.Contracts.Api;

namespace Equipment.Inventory.Features.Passport;

/// <summary>
/// What the passport says, as <see cref="Words"/> (their <see cref="Words.Text"/> is the entry's English detail). A name, a
/// code, a reference or what a user typed is a fact, said as it is. Every phrase is in <see cref="Phrases"/>, which the
/// portal's asset page says in French and Arabic (AssetPage.fr.resx, .ar.resx).
/// </summary>
public static partial class PassportWords
{
    public const string ContractSignedPhrase = "Contract {0} line {1} signed with {2}: {3} × {4} at {5} {6}";
    public const string DispatchedPhrase = "Waybill {0} ({1})";
    public const string ArrivedPhrase = "At warehouse {0}";
    public const string AcceptedPhrase = "Accepted under {0}";
    public const string DeemedAcceptedPhrase = "Deemed accepted {0} days after receipt";
    public const string DeviationPhrase = "Deployed at {0} instead of the contract line's destination {1}: {2}";

    /// <summary>A custody entry's line: from, to, why, its reference if any, by whom; from, to and why in the log's words when it wrote them.</summary>
    private const string CustodyLine = "{0} → {1}: {2}{3} (by {4})";
    private const string OutOfInventory = "out of inventory";

    /// <summary>The lines the custody log's entries make (<see cref="Custody"/>), as the log writes them.</summary>
    public static readonly IReadOnlyList<string> CustodyPhrases =
    [
        "{0} → {1}, warehouse {2}: Goods received note {3} [{4}] (by {5})",
        "{0} → {1}: Handover certificate {2} [{3}] (by {4})",
        "warehouse {0} → {1}: Deployment (by {2})",
        "{0} → {1}: Deployment (by {2})",
        "warehouse {0} → {1}: Deployment away from the contract line's destination {2} (deviation): {3} (by {4})",
        "{0} → {1}: Deployment away from the contract line's destination {2} (deviation): {3} (by {4})",
        "{0} → {1}: {2} (by {3})",
        "{0} → {1}: {2} [{3}] (by {4})",
        "{0} → out of inventory: {1} (by {2})",
        "{0} → out of inventory: {1} [{2}] (by {3})",
    ];

    /// <summary>Every phrase the passport says.</summary>
    public static IEnumerable<string> Phrases =>
    [
        ContractSignedPhrase, DispatchedPhrase, ArrivedPhrase, AcceptedPhrase, DeemedAcceptedPhrase, DeviationPhrase,
        .. CustodyPhrases,
        .. Enum.GetValues<OperationalStatus>().SelectMany(s => new[] { StatusChanged(s, null).Phrase, StatusChanged(s, "").Phrase }),
        .. Enum.GetValues<Finding>().SelectMany(f => new[] { Found(f, "", "", null).Phrase, Found(f, "", "", "").Phrase }),
    ];

    /// <summary>The contract line, its unit price written invariantly with its cents (<c>1,234.50</c>).</summary>
    public static Words ContractSigned(ExpectedDelivery d) => Words.Say(ContractSignedPhrase, d.ContractReference, d.ContractLineNumber, d.SupplierName,
        d.QuantityExpected, d.Description, d.UnitPrice.ToString("N2", CultureInfo.InvariantCulture), d.Currency);

    public static Words Dispatched(Shipment s) => Words.Say(DispatchedPhrase, s.WaybillNumber, s.Carrier);
    public static Words Arrived(Shipment s) => Words.Say(ArrivedPhrase, s.WarehouseCode);
    public static Words Accepted(string goodsReceivedNoteNumber) => Words.Say(AcceptedPhrase, goodsReceivedNoteNumber);
    public static Words DeemedAccepted(int days) => Words.Say(DeemedAcceptedPhrase, days);
    public static Words Deviation(string deployedAt, string? destination, string reason) => Words.Say(DeviationPhrase, deployedAt, destination, reason);

    /// <summary>Maintenance's status, and its reason if it gave one: <c>OutOfService: Cooler failure</c>.</summary>
    public static Words StatusChanged(OperationalStatus status, string? reason) =>
        reason is null ? Words.Say($"{status}") : Words.Say($"{status}: {{0}}", reason);

    /// <summary>A monitor's finding: <c>FoundAsExpected at TN-RAS-AJDIR (visit by monitor): EU marking visible</c>.</summary>
    public static Words Found(Finding finding, string crossingPointCode, string monitor, string? note) =>
        note is null ? Words.Say($"{finding} at {{0}} (visit by {{1}})", crossingPointCode, monitor)
            : Words.Say($"{finding} at {{0}} (visit by {{1}}): {{2}}", crossingPointCode, monitor, note);

    /// <summary>
    /// A custody entry's line, <see cref="CustodyLine"/>, with the log's own words in it (<see cref="CustodyWords"/>) and
    /// everything else a fact: its <see cref="Words.Text"/> is the entry as the log keeps it.
    /// </summary>
    public static Words Custody(CustodyEntry c) => Join(CustodyLine,
        CustodyWords.From(c) ?? Fact(c.From),
        c.To.Length > 0 ? CustodyWords.To(c) ?? Fact(c.To) : Words.Say(OutOfInventory),
        CustodyWords.Why(c) ?? Fact(c.Why),
        c.Reference is null ? Words.Say("") : Words.Say(" [{0}]", c.Reference),
        Fact(c.By));

    private static Words Fact(string text) => Words.Say("{0}", text);

    /// <summary>One sentence of several: each <c>{n}</c> of <paramref name="line"/> is the n-th part's phrase, its facts numbered on from the parts before.</summary>
    private static Words Join(string line, params Words[] parts)
    {
        var facts = new List<string>();
        var phrase = Placeholder().Replace(line, m =>
        {
            var part = parts[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
            var offset = facts.Count;
            facts.AddRange(part.Facts);
            return Placeholder().Replace(part.Phrase, p => $"{{{int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) + offset}}}");
        });
        return new Words(phrase, facts);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
