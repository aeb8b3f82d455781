using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

/// <summary>One signed contract line that logistics expects to arrive; receipts count against its quantity.</summary>
public sealed class ExpectedDelivery
{
    private ExpectedDelivery() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public string ContractReference { get; private set; } = "";
    public int ContractLineNumber { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int QuantityExpected { get; private set; }
    public int QuantityAccepted { get; private set; }
    public int QuantityRejected { get; private set; }
    public decimal UnitPrice { get; private set; }
    public string Currency { get; private set; } = "EUR";
    /// <summary>Where the line goes: one of the grant's agreed crossing points, or else a warehouse.</summary>
    public string? DestinationCrossingPointCode { get; private set; }
    public string? DestinationWarehouse { get; private set; }
    public DateOnly DeliveryDeadline { get; private set; }
    public int WarrantyMonths { get; private set; }
    /// <summary>The contract version these quantities and dates come from (1 = as signed).</summary>
    public int ContractVersion { get; private set; } = 1;

    public int QuantityOutstanding => QuantityExpected - QuantityAccepted;

    public static ExpectedDelivery ForContractLine(
        Guid contractId, string contractReference, int lineNumber, Guid grantId, string donorCode, string supplierName,
        string itemCategory, string description, int quantity, decimal unitPrice, string currency,
        string? destination, string? warehouse, DateOnly deadline, int warrantyMonths) => new()
    {
        Id = Guid.NewGuid(),
        ContractId = contractId,
        ContractReference = contractReference,
        ContractLineNumber = lineNumber,
        GrantId = grantId,
        DonorCode = donorCode,
        SupplierName = supplierName,
        ItemCategory = itemCategory,
        Description = description,
        QuantityExpected = quantity,
        UnitPrice = unitPrice,
        Currency = currency,
        DestinationCrossingPointCode = destination,
        DestinationWarehouse = warehouse,
        DeliveryDeadline = deadline,
        WarrantyMonths = warrantyMonths,
    };

    /// <summary>
    /// A contract amendment changed the line: the new quantity (never below what was already accepted) and deadline.
    /// </summary>
    public void Amended(int quantity, DateOnly deadline, int contractVersion)
    {
        ContractVersion = contractVersion;
        QuantityExpected = Math.Max(quantity, QuantityAccepted);
        DeliveryDeadline = deadline;
    }

    /// <summary>
    /// Records a receipt: accepted units each become an asset with its serial number; rejected units are counted.
    /// More accepted units than are outstanding is refused.
    /// </summary>
    public IReadOnlyList<Asset> Receive(IReadOnlyList<string> acceptedSerialNumbers, int rejectedQuantity, DateOnly receivedOn)
    {
        if (acceptedSerialNumbers.Count == 0 && rejectedQuantity == 0)
            throw new RuleViolationException("serialNumbers", "NotEmpty", "A receipt accepts or rejects at least one unit.");
        if (acceptedSerialNumbers.Count > QuantityOutstanding)
            throw new ConflictException(
                $"Contract {ContractReference} line {ContractLineNumber} has {QuantityOutstanding} of {QuantityExpected} units outstanding; {acceptedSerialNumbers.Count} cannot be accepted.",
                "NotMoreThanOutstanding");
        var duplicate = acceptedSerialNumbers.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolationException("serialNumbers", "UniqueSerialNumber", $"Serial number '{duplicate.Key}' appears more than once.");

        QuantityAccepted += acceptedSerialNumbers.Count;
        QuantityRejected += rejectedQuantity;
        return acceptedSerialNumbers
            .Select(serial => Asset.Register(serial, this, receivedOn))
            .ToList();
    }
}
