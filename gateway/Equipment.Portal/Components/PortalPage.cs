using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal.Components;

/// <summary>A page that calls the services as the signed-in user; a refused or failed call becomes the page's <see cref="Refusal"/>.</summary>
public abstract class PortalPage : ComponentBase
{
    [Inject] protected PortalApi Portal { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private SubmittedForms Submissions { get; set; } = default!;
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] private IStringLocalizerFactory Localizers { get; set; } = default!;

    /// <summary>
    /// The page's texts in the user's language: <c>@T["Raise the requisition"]</c>, <c>T["{0} saved.", name]</c>, keyed by
    /// the English text in the page's own resx files (<c>Resources/Components/Pages/…/ThePage.fr.resx</c>, <c>.ar.resx</c>).
    /// </summary>
    protected IStringLocalizer T => _texts ??= Localizers.Create(GetType());
    private IStringLocalizer? _texts;

    /// <summary>
    /// A sentence a service said (<see cref="Equipment.BuildingBlocks.Contracts.Words"/>) in the user's language: its phrase
    /// from the page's resx, its days in the user's culture; the service's English when there are no words.
    /// </summary>
    protected string Say(Equipment.BuildingBlocks.Contracts.Words? words, string? english = null) =>
        words is null ? english ?? "" : T[words.Phrase, [.. words.Facts.Select(Shown.Fact)]];

    /// <summary>What the last refused call said: shown at the top of the page, and beside the fields it names.</summary>
    protected Problem? Refusal { get; set; }

    /// <summary>
    /// A record's audit trail for its History section, or null when the user's role may not read that service's trail
    /// (the service answers 403, and the section is left out rather than shown as a refusal).
    /// </summary>
    protected static async Task<IReadOnlyList<Equipment.BuildingBlocks.Contracts.AuditEntryResponse>?> HistoryAsync(
        Func<Task<IReadOnlyList<Equipment.BuildingBlocks.Contracts.AuditEntryResponse>>> read)
    {
        try
        {
            return await read();
        }
        catch (ApiException e) when (e.Status == System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>A record's evidence for its Evidence section, or null when it cannot be read now (the section says so; the page still works).</summary>
    protected static async Task<IReadOnlyList<Equipment.BuildingBlocks.Contracts.AttachmentResponse>?> EvidenceAsync(
        Func<Task<IReadOnlyList<Equipment.BuildingBlocks.Contracts.AttachmentResponse>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// The attributes that tie an input to its refusal, for <c>@attributes</c>: <c>aria-invalid</c> and
    /// <c>aria-describedby</c> naming the <see cref="Shared.FieldError"/> beside it (and <paramref name="describedBy"/>, an
    /// id the input is described by anyway). Empty when the last refusal does not name <paramref name="field"/>.
    /// </summary>
    protected IReadOnlyDictionary<string, object> Invalid(string field, string? describedBy = null) => Attributes(Refusal?.Names(field) == true, field, describedBy);

    /// <summary>
    /// <see cref="Invalid(string, string?)"/> for a page with several forms that name the same field (a grant's amendment and
    /// its tranche both have an amount): only the input of the form that was refused.
    /// </summary>
    protected IReadOnlyDictionary<string, object> Invalid(CreatingForm form, string field, string? describedBy = null) =>
        Attributes(RefusalOf(form)?.Names(field) == true, field, describedBy);

    /// <summary>
    /// For an input that several refusals may be about (an indicator's code: its own, and the list's "codes are unique"):
    /// <c>aria-invalid</c> when the refusal of <paramref name="form"/> names any of <paramref name="fields"/>, and
    /// <c>aria-describedby</c> naming each of their <see cref="Shared.FieldError"/>s.
    /// </summary>
    protected IReadOnlyDictionary<string, object> InvalidAny(CreatingForm form, params string[] fields)
    {
        var refused = fields.Where(f => RefusalOf(form)?.Names(f) == true).ToList();
        return refused.Count == 0 ? new Dictionary<string, object>()
            : new Dictionary<string, object> { ["aria-invalid"] = "true", ["aria-describedby"] = string.Join(' ', refused.Select(f => f + "-error")) };
    }

    /// <summary>
    /// For the one box a list is typed or chosen in (crossing points, one a line): <c>aria-invalid</c> and
    /// <c>aria-describedby</c> naming the <see cref="Shared.FieldErrorsUnder"/> of <paramref name="prefix"/> when the refusal
    /// names the list or any of its items (<c>crossingPoints[1].latitude</c>).
    /// </summary>
    protected IReadOnlyDictionary<string, object> InvalidUnder(string prefix, string? describedBy = null) =>
        Attributes(Refusal?.NamesUnder(prefix) == true, prefix, describedBy);

    /// <summary>
    /// The refusal as the given form should show it beside its fields: null when another form of the page was the one
    /// refused (each form's <see cref="CreatingForm.SubmissionKey"/> tells them apart), so its message is said once.
    /// </summary>
    protected Problem? RefusalOf(CreatingForm form) => _refusedForm is { } key && key != form.SubmissionKey ? null : Refusal;

    private string? _refusedForm;

    private static Dictionary<string, object> Attributes(bool refused, string field, string? describedBy)
    {
        var attributes = new Dictionary<string, object>();
        if (refused) attributes["aria-invalid"] = "true";
        var ids = string.Join(' ', new[] { describedBy, refused ? field + "-error" : null }.Where(id => id is not null));
        if (ids.Length > 0) attributes["aria-describedby"] = ids;
        return attributes;
    }

    /// <summary>A choice for each value of an enum, with its label (<see cref="Labels"/>), for a <see cref="Shared.ChoiceSelect{TValue}"/>.</summary>
    protected static IEnumerable<(TEnum Value, string Label)> Choices<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v, Labels.Of(v)));

    /// <summary>
    /// Runs <paramref name="call"/> with the user's clients. True when it went through; false, with <see cref="Refusal"/>
    /// set, when a service refused it or could not be reached. Anything else is a defect and is not caught here.
    /// </summary>
    protected async Task<bool> CallAsync(Func<EquipmentApi, Task> call)
    {
        try
        {
            await call(await Portal.ForUserAsync());
            return true;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Refusal = Problem.From(e);
            return false;
        }
    }

    /// <summary>
    /// Sends a form on (post-redirect-get): when the service accepts, the browser is redirected (303) to the page
    /// <paramref name="submit"/> names, which shows its message once; when it refuses, this page renders again with
    /// <see cref="Refusal"/> and everything the user typed. <paramref name="submissionKey"/> is the form's hidden
    /// <c>SubmissionKey</c>: the same form posted twice (double click, reload) calls the service once and both posts lead
    /// to the same result. Pass null only for a form whose second post cannot make a second record.
    /// </summary>
    protected async Task SubmitAsync(string? submissionKey, Func<EquipmentApi, Task<Submitted>> submit)
    {
        Refusal = null;
        _refusedForm = null;
        async Task<(Submitted?, Problem?)> Run()
        {
            Submitted? done = null;
            return await CallAsync(async api => done = await submit(api)) ? (done, null) : (null, Refusal);
        }

        var (submitted, refusal) = await Submissions.RunAsync(HttpContext.User, submissionKey, Run);
        if (submitted is null)
        {
            Refusal = refusal;
            _refusedForm = submissionKey is { Length: > 0 } ? submissionKey : null;
            return;
        }
        Flash.Set(HttpContext, submitted.Message);
        Navigation.NavigateTo(submitted.RedirectTo);
    }
}

/// <summary>A creating form's fields: <see cref="SubmissionKey"/> goes in a hidden field, a new one each time the form is rendered empty.</summary>
public abstract class CreatingForm
{
    public string SubmissionKey { get; set; } = Guid.NewGuid().ToString("N");
}
