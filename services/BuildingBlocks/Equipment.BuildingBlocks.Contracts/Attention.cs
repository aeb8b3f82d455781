using System.Globalization;

namespace Equipment.BuildingBlocks.Contracts;

/// <summary>
/// A sentence a service says, kept as its English phrase with numbered facts (<c>"Warranty of {0} {1} ends on {2}"</c>,
/// facts written invariantly, days as <c>yyyy-MM-dd</c>), so that a client can say it in its user's language;
/// <see cref="Text"/> is the English sentence.
/// </summary>
public sealed record Words(string Phrase, IReadOnlyList<string> Facts)
{
    public static Words Say(string phrase, params object?[] facts) => new(phrase, [.. facts.Select(Fact)]);

    public string Text => string.Format(CultureInfo.InvariantCulture, Phrase, [.. Facts]);

    private static string Fact(object? fact) => fact switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => fact.ToString() ?? "",
    };
}

/// <summary>
/// One thing that needs someone's attention, from the service that owns the fact (<c>GET /api/&lt;service&gt;/attention</c>):
/// what kind, a title to show, the date that makes it urgent (a deadline passed or coming), and the record it is about
/// (<see cref="EntityType"/> and <see cref="EntityId"/>, and the grant when there is one) so that a client can link to it.
/// <see cref="TitleWords"/> and <see cref="DetailWords"/> are the title and detail as <see cref="Words"/>, for a client
/// that says them in another language.
/// </summary>
public sealed record AttentionItem(string Kind, string Title, DateOnly Due, string EntityType, string EntityId, string? Detail = null, Guid? GrantId = null,
    Words? TitleWords = null, Words? DetailWords = null)
{
    public static AttentionItem Of(string kind, Words title, DateOnly due, string entityType, string entityId, Words? detail, Guid? grantId) =>
        new(kind, title.Text, due, entityType, entityId, detail?.Text, grantId, title, detail);
}

/// <summary>The kinds of <see cref="AttentionItem"/>, each owned by one service.</summary>
public static class AttentionKinds
{
    /// <summary>Inventory: a contract line still outstanding after its delivery deadline (the day after the deadline onwards).</summary>
    public const string DeliveryOverdue = nameof(DeliveryOverdue);
    /// <summary>Inventory: an asset in service not seen (stock-take or verification) nor moved for longer than the configured days.</summary>
    public const string AssetNotSeen = nameof(AssetNotSeen);
    /// <summary>Maintenance: a warranty ending within the next 60 days (today included).</summary>
    public const string WarrantyEnding = nameof(WarrantyEnding);
    /// <summary>Maintenance: preventive maintenance due within the next 7 days, or overdue.</summary>
    public const string PreventiveMaintenanceDue = nameof(PreventiveMaintenanceDue);
    public const string PreventiveMaintenanceOverdue = nameof(PreventiveMaintenanceOverdue);
    /// <summary>Procurement: a lot in its standstill period, ending (or ended: the award can be decided).</summary>
    public const string StandstillEnding = nameof(StandstillEnding);
    /// <summary>Donor-reporting: a follow-up action of a recorded verification visit (follow-ups are not closed yet: all are open).</summary>
    public const string VerificationFollowUpOpen = nameof(VerificationFollowUpOpen);
}
