namespace Equipment.BuildingBlocks.Contracts;

/// <summary>
/// A file kept as evidence with a record (a signed delivery note, a photo of a unit, a police report): what it is, never its
/// bytes (<c>GET …/attachments/{id}</c> serves them). <c>SubjectId</c> is what the file shows when the record has several
/// (the unit of a goods received note a photo is of); <c>ContentType</c> is the type its content really has.
/// </summary>
public sealed record AttachmentResponse(Guid Id, string RecordType, string RecordId, Guid? SubjectId, string FileName, string ContentType,
    long Length, string Sha256, DateTime UploadedAt, string UploadedBy)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
