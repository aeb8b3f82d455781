using Microsoft.Extensions.Caching.Memory;

namespace Equipment.Portal.Forms;

/// <summary>Where a form that went through leads (post-redirect-get), and what the page there says once.</summary>
public sealed record Submitted(string RedirectTo, FlashMessage Message);

/// <summary>
/// The portal's memory of the forms it has sent on, by user and by the key each rendered form carries (a hidden
/// <c>SubmissionKey</c>, a new GUID per rendering). A second post of one form (a double click, a reload, Back and submit
/// again) waits for the first and leads to the same result instead of calling the service again. A refused submit is
/// forgotten, so the corrected form, keeping its key, can be sent again. Keys are kept for an hour.
/// </summary>
public sealed class SubmittedForms(IMemoryCache cache)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly Lock _lock = new();

    /// <summary>The post of a form by <paramref name="user"/>: once per <paramref name="key"/>; a form without a key is sent as it is.</summary>
    public Task<(Submitted? Done, Problem? Refusal)> RunAsync(System.Security.Claims.ClaimsPrincipal user, string? key, Func<Task<(Submitted?, Problem?)>> submit) =>
        key is { Length: > 0 } ? RunOnceAsync(user.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value ?? "", key, submit) : submit();

    public async Task<(Submitted? Done, Problem? Refusal)> RunOnceAsync(string user, string key, Func<Task<(Submitted?, Problem?)>> submit)
    {
        var cacheKey = ("submitted-form", user, key);
        Task<(Submitted?, Problem?)> run;
        lock (_lock)
        {
            if (!cache.TryGetValue(cacheKey, out run!))
            {
                run = submit();
                cache.Set(cacheKey, run, Kept);
            }
        }
        try
        {
            var outcome = await run;
            if (outcome.Item1 is null) cache.Remove(cacheKey);    // refused: the same form may be corrected and sent again
            return outcome;
        }
        catch
        {
            cache.Remove(cacheKey);                               // a defect: not remembered as done, and not hidden
            throw;
        }
    }
}
