using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Domain;

/// <summary>
/// What the custody log writes itself in an entry's From, To and Why (the rest is a name, a code or what a user typed), as
/// <see cref="Words"/>: an entry keeps their <see cref="Words.Text"/>, and <see cref="Read"/> finds the words again in it,
/// for a client that says them in another language.
/// </summary>
public static partial class CustodyWords
{
    public const string WarehousePhrase = "warehouse {0}";
    public const string OwnerInWarehousePhrase = "{0}, warehouse {1}";
    public const string GoodsReceivedNotePhrase = "Goods received note {0}";
    public const string HandoverCertificatePhrase = "Handover certificate {0}";
    public const string DeploymentPhrase = "Deployment";
    public const string DeviationPhrase = "Deployment away from the contract line's destination {0} (deviation): {1}";

    public static Words Warehouse(string code) => Words.Say(WarehousePhrase, code);
    public static Words OwnerInWarehouse(string owner, string warehouseCode) => Words.Say(OwnerInWarehousePhrase, owner, warehouseCode);
    public static Words GoodsReceivedNote(string number) => Words.Say(GoodsReceivedNotePhrase, number);
    public static Words HandoverCertificate(string number) => Words.Say(HandoverCertificatePhrase, number);
    public static Words Deployment(string? destination, string? deviationReason) =>
        deviationReason is null ? Words.Say(DeploymentPhrase) : Words.Say(DeviationPhrase, destination, deviationReason);

    /// <summary>The words of the entry's <see cref="CustodyEntry.From"/> when the log wrote it ("warehouse {0}"); null for a name or a code.</summary>
    public static Words? From(CustodyEntry entry) => entry.Action == CustodyAction.Deployed ? Read(entry.From, WarehousePhrase) : null;

    /// <summary>The words of the entry's <see cref="CustodyEntry.To"/> when the log wrote it ("{0}, warehouse {1}"); null for a name.</summary>
    public static Words? To(CustodyEntry entry) => entry.Action == CustodyAction.Received ? Read(entry.To, OwnerInWarehousePhrase) : null;

    /// <summary>The words of the entry's <see cref="CustodyEntry.Why"/> when the log wrote it; null for the reason a user gave.</summary>
    public static Words? Why(CustodyEntry entry) => entry.Action switch
    {
        CustodyAction.Received => Read(entry.Why, GoodsReceivedNotePhrase),
        CustodyAction.HandedOver => Read(entry.Why, HandoverCertificatePhrase),
        CustodyAction.Deployed => Read(entry.Why, DeploymentPhrase) ?? Read(entry.Why, DeviationPhrase),
        _ => null,
    };

    /// <summary>
    /// <paramref name="text"/> as the words of <paramref name="phrase"/> (each of its facts once, in order) when the phrase
    /// says it, with the facts it holds: their <see cref="Words.Text"/> is <paramref name="text"/>; null when it does not.
    /// </summary>
    public static Words? Read(string text, string phrase)
    {
        var parts = Placeholder().Split(phrase);               // literals at even indexes, fact numbers at odd ones
        var pattern = string.Concat(parts.Select((p, i) => i % 2 == 0 ? Regex.Escape(p) : "(.*?)"));
        var match = Regex.Match(text, $"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        if (!match.Success) return null;
        var words = new Words(phrase, [.. match.Groups.Values.Skip(1).Select(g => g.Value)]);
        return words.Text == text ? words : null;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
