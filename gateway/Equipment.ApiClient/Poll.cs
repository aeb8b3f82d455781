namespace Equipment.ApiClient;

/// <summary>
/// The system is eventually consistent: what one service publishes reaches the others a moment later.
/// Ask again until the answer is what you wait for, or the deadline passes.
/// </summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string waitingFor, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0}s for {waitingFor}; last answer: {System.Text.Json.JsonSerializer.Serialize(value, EquipmentJson.Options)}");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }
}
