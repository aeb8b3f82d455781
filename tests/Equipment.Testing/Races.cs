using System.Net;
using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Equipment.Testing;

/// <summary>
/// Makes a race real: while held, every save that changes something other than the outbox waits until all the racers
/// have reached their save (or a deadline passes), so all of them have read the same state before the first one writes.
/// Without it SQLite, which runs one writer at a time, would often let the racers run one after another.
/// </summary>
public sealed class SaveGate : SaveChangesInterceptor
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private TaskCompletionSource? _open;
    private int _expected, _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public IDisposable Hold(int racers)
    {
        _expected = racers;
        _arrived = 0;
        _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Release(this);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var open = _open;
        if (open is not null && eventData.Context is { } context && context.ChangeTracker.Entries()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not OutboxMessage))
        {
            if (Interlocked.Increment(ref _arrived) >= _expected) open.TrySetResult();
            await Task.WhenAny(open.Task, Task.Delay(Deadline, cancellationToken));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private sealed class Release(SaveGate gate) : IDisposable
    {
        public void Dispose()
        {
            gate._open?.TrySetResult();
            gate._open = null;
        }
    }
}

public static class Race
{
    /// <summary>Sends <paramref name="racers"/> requests at once, their saves held together, and returns every answer.</summary>
    public static async Task<IReadOnlyList<(HttpStatusCode Status, string Body)>> RunAsync(SaveGate gate, int racers, Func<int, Task<HttpResponseMessage>> send)
    {
        using (gate.Hold(racers))
        {
            return await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
            {
                using var response = await send(i);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            })));
        }
    }

    /// <summary>
    /// Sends <paramref name="racers"/> requests at once without holding their saves: for writes the service itself runs one
    /// at a time (<c>ExclusiveWrite</c>: receipts, handovers), where a held save would keep the others waiting for it.
    /// </summary>
    public static async Task<IReadOnlyList<(HttpStatusCode Status, string Body)>> RunUnheldAsync(int racers, Func<int, Task<HttpResponseMessage>> send) =>
        await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
        {
            using var response = await send(i);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })));

    /// <summary>Exactly one racer won (2xx); every other one got 409 or 412, never a 5xx; returns the winner's body.</summary>
    public static string AssertOneWinner(IReadOnlyList<(HttpStatusCode Status, string Body)> answers)
    {
        var summary = string.Join(", ", answers.GroupBy(a => (int)a.Status).Select(g => $"{g.Count()} × {g.Key}"));
        var failure = answers.FirstOrDefault(a => (int)a.Status >= 500 || (int)a.Status is >= 400 and not 409 and not 412);
        Assert.True(failure == default, $"Answers: {summary}; e.g. {(int)failure.Status}: {failure.Body}");
        var winners = answers.Where(a => (int)a.Status is >= 200 and < 300).ToList();
        Assert.True(winners.Count == 1, $"Expected exactly one winner; answers: {summary}");
        foreach (var loser in answers.Where(a => (int)a.Status is 409 or 412))
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(loser.Body)!;
            Assert.Equal((int)loser.Status, problem["status"]!.GetValue<int>());
            Assert.True(problem["currentState"] is not null || problem["rule"] is not null, $"A loser's problem names neither the current state nor the rule: {loser.Body}");
        }
        return winners[0].Body;
    }
}
