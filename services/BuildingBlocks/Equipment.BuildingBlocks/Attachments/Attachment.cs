using System.Security.Cryptography;
using Equipment.BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.BuildingBlocks.Attachments;

/// <summary>
/// A file stored as evidence with a record of the service that owns the record, in that service's own database (a BLOB on
/// SQLite, <c>bytea</c> on PostgreSQL). Never changed once stored: a file is added, and removed only while its record is open.
/// <c>Scope</c> is the donor whose record it is, so that a donor's monitor reads only their grants' evidence.
/// </summary>
public sealed class Attachment
{
    private Attachment() { }

    public Guid Id { get; private set; }
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public string? Scope { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    /// <summary>A checked upload (<see cref="AttachmentRules.Check"/>) kept with its record.</summary>
    public static Attachment Store(string recordType, string recordId, Guid? subjectId, string? scope, CheckedFile file, string by, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        RecordType = recordType,
        RecordId = recordId,
        SubjectId = subjectId,
        Scope = scope,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Length = file.Content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
        UploadedAt = nowUtc,
        UploadedBy = by,
        Content = file.Content,
    };

    /// <summary>The description of a stored file, read without its bytes.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Attachment, AttachmentResponse>> Describe = a =>
        new AttachmentResponse(a.Id, a.RecordType, a.RecordId, a.SubjectId, a.FileName, a.ContentType, a.Length, a.Sha256, a.UploadedAt, a.UploadedBy);

    /// <summary>The table: listed by record and by subject, never loading the bytes of a list.</summary>
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Attachment>(b =>
    {
        b.ToTable("attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.RecordType).HasMaxLength(50);
        b.Property(a => a.RecordId).HasMaxLength(100);
        b.Property(a => a.Scope).HasMaxLength(50);
        b.Property(a => a.FileName).HasMaxLength(AttachmentRules.MaxFileNameLength);
        b.Property(a => a.ContentType).HasMaxLength(50);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(200);
        b.HasIndex(a => new { a.RecordType, a.RecordId, a.UploadedAt });
        b.HasIndex(a => new { a.SubjectId, a.UploadedAt });
    });
}
