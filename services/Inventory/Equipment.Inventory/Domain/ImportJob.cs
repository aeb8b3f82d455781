namespace Equipment.Inventory.Domain;


/// <summary>
/// A bulk import of received serial numbers from CSV against one shipment: checked row by row, then written all at once
/// or not at all. Progress and the row-level error report are kept on the job for the caller to follow.
/// </summary>
public sealed class ImportJob
{
    private ImportJob() { }

    public ImportJob(Guid shipmentId, DateOnly receivedOn, string csv, string requestedBy, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        ShipmentId = shipmentId;
        ReceivedOn = receivedOn;
        Csv = csv;
        RequestedBy = requestedBy;
        CreatedAt = nowUtc;
        Status = ImportStatus.Queued;
    }

    public Guid Id { get; private set; }
    public Guid ShipmentId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string Csv { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public ImportStatus Status { get; private set; }
    public int TotalRows { get; private set; }
    public int ProcessedRows { get; private set; }
    public List<ImportError> Errors { get; private set; } = [];
    public Guid? GoodsReceivedNoteId { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    /// <summary>The instance running the job (several may share the database); it alone works on it while its lease runs.</summary>
    public string? ClaimedBy { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>The lease runs on while the job progresses.</summary>
    public void Renew(DateTime untilUtc) => ClaimedUntil = untilUtc;

    public void Start(int totalRows)
    {
        Status = ImportStatus.Running;
        TotalRows = totalRows;
    }

    public void Progress(int processedRows) => ProcessedRows = processedRows;

    public void Fail(IReadOnlyList<ImportError> errors, DateTime nowUtc)
    {
        Status = ImportStatus.Failed;
        Errors = errors.ToList();
        CompletedAt = nowUtc;
        ClaimedUntil = null;
    }

    public void Complete(Guid goodsReceivedNoteId, DateTime nowUtc)
    {
        Status = ImportStatus.Completed;
        ProcessedRows = TotalRows;
        GoodsReceivedNoteId = goodsReceivedNoteId;
        CompletedAt = nowUtc;
        ClaimedUntil = null;
    }
}

/// <summary>One problem in an import: the CSV line (1 = header), the column, and what is wrong.</summary>
