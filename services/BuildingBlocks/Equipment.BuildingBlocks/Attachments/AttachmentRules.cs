using System.Text;
using Equipment.BuildingBlocks.Errors;

namespace Equipment.BuildingBlocks.Attachments;

/// <summary>An upload that kept the rules: its real content type (from its signature) and a name safe to store and to send back.</summary>
public sealed record CheckedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What a file must be to be kept as evidence: at most <see cref="MaxBytes"/>, and a JPEG, PNG, WebP image or a PDF by its
/// content (its first bytes), whatever its name or the type the client declared; a program renamed <c>photo.jpg</c> is refused.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 200;
    public const string Field = "file";

    public static readonly IReadOnlyList<string> Allowed = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

    /// <summary>The type the content really is, from its signature (magic number), or null when it is none of <see cref="Allowed"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",   // RIFF….WEBP
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",                          // %PDF-
        _ => null,
    };

    /// <summary>Checks an upload: present, not empty, within the size limit, of an allowed type by its content; the name made safe.</summary>
    public static CheckedFile Check(string? fileName, byte[]? content, string field = Field)
    {
        if (content is null)
            throw new RuleViolationException(field, "Required", "Choose the file to attach (a multipart form field named 'file').");
        if (content.Length == 0) throw new RuleViolationException(field, "NotEmpty", "The file is empty.");
        if (content.Length > MaxBytes) throw TooLarge(content.Length, field);
        var type = Detect(content)
            ?? throw new RuleViolationException(field, "ContentType",
                "The file is not a JPEG, PNG or WebP image nor a PDF document (judged by its content, not its name).");
        return new CheckedFile(SafeName(fileName, type), type, content);
    }

    public static RuleViolationException TooLarge(long length, string field = Field) =>
        new(field, "MaxSize", $"A file is at most {MaxBytes / (1024 * 1024)} MB; this one has {length / (1024.0 * 1024):0.#} MB.", 413);

    /// <summary>
    /// The name the user gave, as the last part of any path, without control characters, quotes or characters a file system
    /// refuses, at most <see cref="MaxFileNameLength"/> characters (its extension kept); a name left empty becomes <c>evidence.pdf</c> etc.
    /// </summary>
    public static string SafeName(string? fileName, string contentType)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|') && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
                kept.Append(c);
        name = kept.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0) name = "evidence" + Extension(contentType);
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            if (extension.Length > 10) extension = "";
            name = name[..(MaxFileNameLength - extension.Length)] + extension;
        }
        return name;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".pdf",
    };
}
