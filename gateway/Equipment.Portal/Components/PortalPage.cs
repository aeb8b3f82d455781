using Equipment.ApiClient;
using Microsoft.AspNetCore.Components;

namespace Equipment.Portal.Components;

/// <summary>A page that calls the services as the signed-in user; a refused or failed call becomes the page's <see cref="Refusal"/>.</summary>
public abstract class PortalPage : ComponentBase
{
    [Inject] protected PortalApi Portal { get; set; } = default!;

    /// <summary>What the last refused call said: shown at the top of the page, and beside the fields it names.</summary>
    protected Problem? Refusal { get; set; }

    /// <summary>
    /// Runs <paramref name="call"/> with the user's clients. True when it went through; false, with <see cref="Refusal"/>
    /// set, when a service refused it or could not be reached. Anything else is a defect and is not caught here.
    /// </summary>
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
}
