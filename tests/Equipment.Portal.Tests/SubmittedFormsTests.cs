using Equipment.Portal;
using Equipment.Portal.Forms;
using Microsoft.Extensions.Caching.Memory;

namespace Equipment.Portal.Tests;

public sealed class SubmittedFormsTests
{
    private static readonly Submitted Done = new("things/1", new FlashMessage("Thing made."));

    [Fact]
    public async Task The_same_form_posted_twice_at_once_runs_once_and_both_posts_lead_to_its_result()
    {
        var forms = new SubmittedForms(new MemoryCache(new MemoryCacheOptions()));
        var calls = 0;
        var release = new TaskCompletionSource();
        async Task<(Submitted?, Problem?)> Submit()
        {
            Interlocked.Increment(ref calls);
            await release.Task;                                   // the first post is still at the service when the second arrives
            return (Done, null);
        }

        var first = forms.RunOnceAsync("officer", "key-1", Submit);
        var second = forms.RunOnceAsync("officer", "key-1", Submit);
        release.SetResult();
        Assert.Equal([Done, Done], (await Task.WhenAll(first, second)).Select(r => r.Done));
        Assert.Equal(1, calls);
        Assert.Equal(Done, (await forms.RunOnceAsync("officer", "key-1", Submit)).Done);     // a reload later: still the same result
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_refused_form_is_forgotten_so_that_the_corrected_one_goes_through()
    {
        var forms = new SubmittedForms(new MemoryCache(new MemoryCacheOptions()));
        var refusal = new Problem { Message = "No." };
        var (done, refused) = await forms.RunOnceAsync("officer", "key-1", () => Task.FromResult<(Submitted?, Problem?)>((null, refusal)));
        Assert.Null(done);
        Assert.Same(refusal, refused);
        Assert.Equal(Done, (await forms.RunOnceAsync("officer", "key-1", () => Task.FromResult<(Submitted?, Problem?)>((Done, null)))).Done);
    }

    [Fact]
    public async Task Keys_are_per_user()
    {
        var forms = new SubmittedForms(new MemoryCache(new MemoryCacheOptions()));
        var calls = 0;
        Task<(Submitted?, Problem?)> Submit() { calls++; return Task.FromResult<(Submitted?, Problem?)>((Done, null)); }
        await forms.RunOnceAsync("officer", "key-1", Submit);
        await forms.RunOnceAsync("admin", "key-1", Submit);
        Assert.Equal(2, calls);
    }
}
