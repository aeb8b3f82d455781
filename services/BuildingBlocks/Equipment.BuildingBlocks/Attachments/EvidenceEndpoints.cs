using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Equipment.BuildingBlocks.Attachments;

/// <summary>
/// A record that keeps evidence, as its owning feature finds it for the caller: its label in messages, the donor it belongs
/// to (<c>Scope</c>), and <c>ClosedState</c>, the state that closed it (signed, accepted, completed) or null while it is open.
/// <c>Subjects</c> are what a file may show (the units of a goods received note); <c>DefaultSubject</c> is taken when none is named.
/// <c>FinalState</c>, for a record final from the start that still takes late evidence (a theft and its police report), keeps
/// its files from being removed while new ones may be added. <c>Guard</c> is the record's aggregate as read, tracked: adding
/// or removing a file raises its row version, so that of an upload and a signature that meet, one wins and the other gets a
/// 409 (no file is ever added to a record signed meanwhile).
/// </summary>
public sealed record EvidenceRecord(string RecordType, string RecordId, string Label, string? Scope, string? ClosedState,
    IReadOnlyCollection<Guid>? Subjects = null, Guid? DefaultSubject = null, string? FinalState = null, object? Guard = null);

/// <summary>How one kind of record keeps its evidence; the feature's own file says who may add and read it, and what happens when a file is added or removed.</summary>
public sealed class EvidenceOptions
{
    public required string RecordType { get; init; }
    /// <summary>Finds the record named by the route, or throws <see cref="NotFoundException"/>.</summary>
    public required Func<HttpContext, CancellationToken, Task<EvidenceRecord>> Find { get; init; }
    public required string[] UploadRoles { get; init; }
    public required string[] ReadRoles { get; init; }
    /// <summary>Called before the file is saved, in the same transaction (e.g. to publish that a unit has a photo).</summary>
    public Func<ServiceDbContext, EvidenceRecord, Attachment, DateTimeOffset, CancellationToken, Task>? Stored { get; init; }
    public Func<ServiceDbContext, EvidenceRecord, Attachment, DateTimeOffset, CancellationToken, Task>? Removed { get; init; }
}

/// <summary>
/// The evidence endpoints of a record (<c>{record}/attachments</c>: list, upload as <c>multipart/form-data</c> with a <c>file</c>
/// and an optional <c>subjectId</c>, remove while open) and of the service (<c>/attachments/{id}</c>: the file;
/// <c>/attachments?subjectId=</c>: what shows one subject). A donor's monitor finds only their donor's files: another's are not found.
/// </summary>
public static class EvidenceEndpoints
{
    /// <summary>A record keeps at most this many files, so that its list is one answer.</summary>
    public const int MaxPerRecord = 50;

    public static void MapEvidence(this RouteGroupBuilder api, string recordRoute, EvidenceOptions options)
    {
        var name = options.RecordType;
        api.MapGet(recordRoute + "/attachments", async (HttpContext context, CancellationToken ct) =>
            {
                var record = await FindVisibleAsync(context, options, ct);
                return await Db(context).Set<Attachment>().AsNoTracking()
                    .Where(a => a.RecordType == record.RecordType && a.RecordId == record.RecordId)
                    .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
                    .Select(Attachment.Describe).ToListAsync(ct);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(options.ReadRoles))
            .WithName($"List{name}Attachments");

        api.MapPost(recordRoute + "/attachments", async (HttpContext context, CancellationToken ct) =>
            {
                var record = await FindVisibleAsync(context, options, ct);
                RefuseClosed(record, "added");
                var (fileName, content, subject) = await ReadUploadAsync(context.Request, ct);
                subject ??= record.DefaultSubject;
                if (subject is { } s && record.Subjects?.Contains(s) != true)
                    throw new RuleViolationException("subjectId", "SubjectOfRecord", $"{s} is not one of the things {record.Label} is about.");
                var file = AttachmentRules.Check(fileName, content);
                var db = Db(context);
                var kept = await db.Set<Attachment>().CountAsync(a => a.RecordType == record.RecordType && a.RecordId == record.RecordId, ct);
                if (kept >= MaxPerRecord)
                    throw new ConflictException($"{record.Label} keeps {MaxPerRecord} files already; remove one before adding another.", "MaxAttachments");
                var now = context.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow;
                var user = context.RequestServices.GetRequiredService<CurrentUser>();
                var attachment = Attachment.Store(record.RecordType, record.RecordId, subject, record.Scope, file, user.Name, now.UtcDateTime);
                db.Add(attachment);
                Guard(db, record);
                if (options.Stored is { } stored) await stored(db, record, attachment, now, ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"{context.Request.PathBase}{Prefix(context)}/attachments/{attachment.Id}", Attachment.Describe.Compile()(attachment));
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(options.UploadRoles))
            .WithMetadata(new RequestSizeLimitMetadata(AttachmentRules.MaxBytes + 1024 * 1024))
            .WithName($"Attach{name}Evidence");

        api.MapDelete(recordRoute + "/attachments/{attachmentId:guid}", async (Guid attachmentId, HttpContext context, CancellationToken ct) =>
            {
                var record = await FindVisibleAsync(context, options, ct);
                var db = Db(context);
                var attachment = await db.Set<Attachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.RecordType == record.RecordType && a.RecordId == record.RecordId, ct)
                    ?? throw new NotFoundException($"{record.Label} has no attachment {attachmentId}.");
                RefuseClosed(record with { ClosedState = record.ClosedState ?? record.FinalState }, "removed");
                db.Remove(attachment);
                Guard(db, record);
                if (options.Removed is { } removed) await removed(db, record, attachment, context.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow, ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(options.UploadRoles))
            .WithName($"Remove{name}Evidence");
    }

    /// <summary>
    /// <c>GET /attachments/{id}</c> (the file) and <c>GET /attachments?subjectId=&amp;page=&amp;pageSize=</c> (what shows one subject,
    /// newest first), or <c>?recordType=&amp;recordIdStartsWith=</c> (the files of several records at once: a visit's findings).
    /// </summary>
    public static void MapAttachmentFiles(this RouteGroupBuilder api, params string[] readRoles)
    {
        api.MapGet("/attachments/{attachmentId:guid}", async (Guid attachmentId, HttpContext context, CancellationToken ct) =>
            {
                var scope = context.RequestServices.GetRequiredService<CurrentUser>().DonorScope;
                var file = await Db(context).Set<Attachment>().AsNoTracking()
                    .Where(a => a.Id == attachmentId && (scope == null || a.Scope == scope))
                    .Select(a => new { a.FileName, a.ContentType, a.Sha256, a.Content }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException($"No attachment {attachmentId}.");
                Serve(context.Response, file.FileName, file.ContentType, file.Sha256);
                return Results.Bytes(file.Content, file.ContentType);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(readRoles))
            .WithName("GetAttachment");
        api.MapGet("/attachments", async (Guid? subjectId, string? recordType, string? recordIdStartsWith, int? page, int? pageSize, HttpContext context, CancellationToken ct) =>
            {
                if (subjectId is null && (recordType is null || recordIdStartsWith is not { Length: >= 8 }))
                    throw new RuleViolationException("subjectId", "Required", "Say whose attachments to list: subjectId, or recordType and recordIdStartsWith (8 characters or more).");
                var scope = context.RequestServices.GetRequiredService<CurrentUser>().DonorScope;
                var files = Db(context).Set<Attachment>().AsNoTracking().Where(a => scope == null || a.Scope == scope);
                if (subjectId is not null) files = files.Where(a => a.SubjectId == subjectId);
                if (recordType is not null) files = files.Where(a => a.RecordType == recordType);
                if (recordIdStartsWith is not null) files = files.Where(a => a.RecordId.StartsWith(recordIdStartsWith));
                return await files.OrderByDescending(a => a.UploadedAt).ThenBy(a => a.Id).Select(Attachment.Describe).ToPageAsync(page, pageSize, ct);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(readRoles))
            .WithName("ListSubjectAttachments");
    }

    /// <summary>
    /// The headers of a stored file: images shown in the page (inline), anything else saved (attachment); never sniffed into
    /// another type, never run as a page (a sandbox with no sources); the name sent safely (RFC 6266 <c>filename*</c>).
    /// </summary>
    public static void Serve(HttpResponse response, string fileName, string contentType, string sha256)
    {
        var disposition = new ContentDispositionHeaderValue(contentType.StartsWith("image/", StringComparison.Ordinal) ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, max-age=300";
        response.Headers.ETag = $"\"{sha256}\"";
    }

    private static async Task<EvidenceRecord> FindVisibleAsync(HttpContext context, EvidenceOptions options, CancellationToken ct)
    {
        var record = await options.Find(context, ct);
        var scope = context.RequestServices.GetRequiredService<CurrentUser>().DonorScope;
        if (scope is not null && record.Scope != scope) throw new NotFoundException($"No {record.Label}.");
        return record;
    }

    /// <summary>The record's row is written too, where it still has the version read: a close committed meanwhile makes this save fail (409).</summary>
    private static void Guard(ServiceDbContext db, EvidenceRecord record)
    {
        if (record.Guard is { } aggregate) db.Entry(aggregate).Property(ServiceDbContext.RowVersion).IsModified = true;
    }

    private static void RefuseClosed(EvidenceRecord record, string verb)
    {
        if (record.ClosedState is { } state)
            throw new StateConflictException($"{record.Label} is {state}: its evidence can no longer be {verb}.", state, ["Open"]);
    }

    /// <summary>The file and subject of a multipart upload; a body over the limit is refused before it is read, as 413 naming <c>file</c>.</summary>
    private static async Task<(string? FileName, byte[]? Content, Guid? Subject)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > AttachmentRules.MaxBytes + 1024 * 1024) throw AttachmentRules.TooLarge(request.ContentLength.Value);
        if (!request.HasFormContentType)
            throw new RuleViolationException(AttachmentRules.Field, "Multipart", "Send the file as multipart/form-data, in a field named 'file'.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw AttachmentRules.TooLarge(request.ContentLength ?? AttachmentRules.MaxBytes + 1);
        }
        Guid? subject = null;
        if (form["subjectId"].ToString() is { Length: > 0 } text)
            subject = Guid.TryParse(text, out var id) ? id : throw new RuleViolationException("subjectId", "Guid", "subjectId is not an id.");
        var file = form.Files.GetFile(AttachmentRules.Field);
        if (file is null) return (null, null, subject);
        if (file.Length > AttachmentRules.MaxBytes) throw AttachmentRules.TooLarge(file.Length);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray(), subject);
    }

    private static ServiceDbContext Db(HttpContext context) => context.RequestServices.GetRequiredService<ServiceDbContext>();

    private static string Prefix(HttpContext context) => "/" + context.Request.Path.Value!.Trim('/').Split('/').Take(2).Aggregate((a, b) => a + "/" + b);

    private sealed class RequestSizeLimitMetadata(long size) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => size;
    }
}
