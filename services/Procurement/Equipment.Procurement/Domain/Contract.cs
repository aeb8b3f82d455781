using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>
/// The supply contract with the awarded supplier for one lot. Only a draft can be signed; a signed contract is
/// amended (quantities, dates) by versions, each kept.
/// </summary>
public sealed class Contract
{
    private readonly List<ContractLine> _lines = [];
    private readonly List<ContractVersion> _versions = [];

    private Contract() { }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid TenderId { get; private set; }
    public int LotNumber { get; private set; }
    public Guid BidId { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public Guid SupplierId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public string SupplierCountry { get; private set; } = "";
    public string Currency { get; private set; } = "EUR";
    public ContractStatus Status { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public int Version { get; private set; } = 1;
    public IReadOnlyList<ContractLine> Lines => _lines;
    public IReadOnlyList<ContractVersion> Versions => _versions;
    public decimal TotalValue => _lines.Sum(l => l.Quantity * l.UnitPrice);

    public static Contract ForAward(string reference, Tender tender, Lot lot, Bid bid, Supplier supplier, int warrantyMonths)
    {
        if (lot.Status != LotStatus.Awarded)
            throw new StateConflictException($"Lot {lot.Number} is {lot.Status}; a contract is drawn up for an Awarded lot.", lot.Status.ToString(), [nameof(LotStatus.Awarded)]);
        var contract = new Contract
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            TenderId = tender.Id,
            LotNumber = lot.Number,
            BidId = bid.Id,
            GrantId = tender.GrantId,
            DonorCode = tender.DonorCode,
            SupplierId = supplier.Id,
            SupplierName = supplier.LegalName,
            SupplierCountry = supplier.CountryOfEstablishment,
            Currency = tender.Currency,
            Status = ContractStatus.Draft,
        };
        contract._lines.AddRange(lot.Lines.Select((l, i) =>
        {
            var priced = bid.Lines.Single(b => b.LineNumber == l.LineNumber);
            return new ContractLine(i + 1, l.RequisitionId, l.BudgetLineCode, l.ItemCategory, l.TechnicalSpecification, l.Quantity, priced.UnitPrice,
                priced.CountryOfOrigin, l.DestinationCrossingPointCode, l.DestinationWarehouse, l.RequiredBy, warrantyMonths);
        }));
        return contract;
    }

    public void Sign(DateOnly signedOn)
    {
        if (Status != ContractStatus.Draft)
            throw new StateConflictException($"Contract {Reference} is {Status}; only a Draft contract can be signed.", Status.ToString(), [nameof(ContractStatus.Draft)]);
        Status = ContractStatus.Signed;
        SignedOn = signedOn;
    }

    /// <summary>
    /// Changes quantities or delivery deadlines of a signed contract: the lines before the change are kept as a version.
    /// Returns, per budget line, the change in committed value.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Amend(IReadOnlyList<LineAmendment> changes, string reason, DateOnly amendedOn, DateTime nowUtc)
    {
        if (Status != ContractStatus.Signed)
            throw new StateConflictException($"Contract {Reference} is {Status}; only a Signed contract is amended.", Status.ToString(), [nameof(ContractStatus.Signed)]);
        if (SignedOn is { } signed && amendedOn < signed)
            throw new RuleViolationException("amendedOn", "AfterSignature", $"The contract was signed on {signed:yyyy-MM-dd}; an amendment cannot precede it.");

        _versions.Add(new ContractVersion(Version, amendedOn, reason, nowUtc, _lines.ToList()));
        var delta = new Dictionary<string, decimal>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var index = _lines.FindIndex(l => l.LineNumber == change.LineNumber);
            if (index < 0)
                throw new RuleViolationException($"lines[{i}].lineNumber", "ContractLine", $"Contract {Reference} has no line {change.LineNumber}.");
            var line = _lines[index];
            var updated = line with { Quantity = change.Quantity ?? line.Quantity, DeliveryDeadline = change.DeliveryDeadline ?? line.DeliveryDeadline };
            delta[line.BudgetLineCode] = delta.GetValueOrDefault(line.BudgetLineCode) + (updated.Quantity - line.Quantity) * line.UnitPrice;
            _lines[index] = updated;
        }
        Version++;
        return delta;
    }
}

/// <summary>The contract as it stood before an amendment: its version number, and what changed it.</summary>
public sealed class ContractVersion
{
    private ContractVersion() { }

    public ContractVersion(int version, DateOnly amendedOn, string reason, DateTime recordedAt, List<ContractLine> lines)
    {
        Version = version;
        AmendedOn = amendedOn;
        Reason = reason;
        RecordedAt = recordedAt;
        Lines = lines;
    }

    public int Version { get; private set; }
    public DateOnly AmendedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public List<ContractLine> Lines { get; private set; } = [];
}

/// <summary>Goods received against a contract line, from inventory's <c>inventory.delivery-received</c>: an OCDS implementation milestone.</summary>
public sealed class DeliveryMilestone
{
    private DeliveryMilestone() { }

    public DeliveryMilestone(Guid goodsReceivedNoteId, Guid contractId, int contractLineNumber, DateOnly receivedOn, int acceptedQuantity, int rejectedQuantity)
    {
        GoodsReceivedNoteId = goodsReceivedNoteId;
        ContractId = contractId;
        ContractLineNumber = contractLineNumber;
        ReceivedOn = receivedOn;
        AcceptedQuantity = acceptedQuantity;
        RejectedQuantity = rejectedQuantity;
    }

    public Guid GoodsReceivedNoteId { get; private set; }
    public Guid ContractId { get; private set; }
    public int ContractLineNumber { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public int AcceptedQuantity { get; private set; }
    public int RejectedQuantity { get; private set; }
}
