using Microsoft.Extensions.Caching.Memory;

namespace Equipment.Portal.Forms;

/// <summary>A file a user uploaded, kept for them after a refusal so it can be corrected and sent again without looking for it.</summary>
public sealed record KeptUpload(string Key, string FileName, string Text, Guid ShipmentId, DateOnly ReceivedOn, DateTimeOffset KeptUntil)
{
    /// <summary>The rows of the file, its header included (a last line without an end of line counts).</summary>
    public int Lines => Text.Length == 0 ? 0 : Text.TrimEnd('\r', '\n').Split('\n').Length;

    /// <summary>Whether the page offers it for correction in the browser, or only for sending again as it is.</summary>
    public bool Editable => Text.Length <= KeptUploads.MaxEditableChars;
}

/// <summary>
/// The CSV files of refused imports, kept in the portal's memory for their user (never another's), under a key of their own,
/// for <see cref="Kept"/> after the last use: the refused import's page names the file and lets the user correct it in the
/// page and send it again, or choose another file. The memory is bounded (<see cref="MaxTotalChars"/> in all, the oldest
/// dropped first); a portal restart forgets the files, and the page then says so.
/// </summary>
public sealed class KeptUploads(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);
    public const int MaxEditableChars = 1024 * 1024;
    public const long MaxTotalChars = 200L * 1024 * 1024;

    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = MaxTotalChars });

    /// <summary>Keeps <paramref name="text"/> for <paramref name="user"/>: under <paramref name="key"/> again (a corrected file replaces the one it came from) or a new key.</summary>
    public KeptUpload Keep(string user, string? key, string fileName, string text, Guid shipmentId, DateOnly receivedOn)
    {
        var upload = new KeptUpload(key is { Length: > 0 } && Find(user, key) is not null ? key : Guid.NewGuid().ToString("N"), fileName, text, shipmentId, receivedOn,
            clock.GetUtcNow() + Kept);
        _files.Set(("file", user, upload.Key), upload, new MemoryCacheEntryOptions { Size = Math.Max(1, text.Length), SlidingExpiration = Kept });
        return upload;
    }

    /// <summary>Remembers which kept file an import was sent from, so the import's page can offer it back.</summary>
    public void SentAs(string user, string key, Guid importId) =>
        _files.Set(("import", user, importId), key, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Kept });

    public KeptUpload? Find(string user, string? key) =>
        key is { Length: > 0 } && _files.TryGetValue(("file", user, key), out KeptUpload? upload) ? upload! with { KeptUntil = clock.GetUtcNow() + Kept } : null;

    public KeptUpload? ForImport(string user, Guid importId) =>
        _files.TryGetValue(("import", user, importId), out string? key) ? Find(user, key) : null;

    /// <summary>Forgets a file once its import went through.</summary>
    public void Forget(string user, string key) => _files.Remove(("file", user, key));

    public void Dispose() => _files.Dispose();
}
