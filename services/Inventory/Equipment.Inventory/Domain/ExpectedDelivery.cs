using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

/// <summary>One signed contract line that logistics expects; shipments and receipts count against its quantity.</summary>
public sealed class ExpectedDelivery
{
    private ExpectedDelivery() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public string ContractReference { get; private set; } = "";
    public Guid? TenderId { get; private set; }
    /// <summary>The tender's reference (from contract-signed v3; null for contracts signed before it was sent).</summary>
    public string? TenderReference { get; private set; }
    public DateOnly ContractSignedOn { get; private set; }
    public int ContractLineNumber { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int QuantityExpected { get; private set; }
    public int QuantityShipped { get; private set; }
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
    /// <summary>What may still be shipped: units not yet on their way, plus rejected units the supplier must replace.</summary>
    public int QuantityShippable => QuantityExpected - QuantityShipped + QuantityRejected;

    public static ExpectedDelivery ForContractLine(
        Guid contractId, string contractReference, int lineNumber, Guid grantId, string donorCode, string supplierName,
        string itemCategory, string description, int quantity, decimal unitPrice, string currency,
        string? destination, string? warehouse, DateOnly deadline, int warrantyMonths, DateOnly signedOn = default, Guid? tenderId = null, string? tenderReference = null) => new()
    {
        Id = Guid.NewGuid(),
        ContractId = contractId,
        ContractReference = contractReference,
        TenderId = tenderId,
        TenderReference = tenderReference,
        ContractSignedOn = signedOn,
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

    /// <summary>A contract amendment changed the line: the new quantity (never below what was accepted) and deadline.</summary>
    public void Amended(int quantity, DateOnly deadline, int contractVersion)
    {
        ContractVersion = contractVersion;
        QuantityExpected = Math.Max(quantity, QuantityAccepted);
        DeliveryDeadline = deadline;
    }

    public void Ship(int quantity)
    {
        if (quantity > QuantityShippable)
            throw new ConflictException(
                $"Contract {ContractReference} line {ContractLineNumber}: {quantity} units cannot be shipped, {QuantityShippable} of {QuantityExpected} remain to ship.",
                "NotMoreThanContracted");
        QuantityShipped += quantity;
    }

    /// <summary>Counts a receipt against the line: more accepted units than outstanding is an over-delivery.</summary>
    public void Receive(int accepted, int rejected)
    {
        if (accepted > QuantityOutstanding)
            throw new ConflictException(
                $"Contract {ContractReference} line {ContractLineNumber} has {QuantityOutstanding} of {QuantityExpected} units outstanding; {accepted} cannot be accepted (over-delivery).",
                "NoOverDelivery");
        QuantityAccepted += accepted;
        QuantityRejected += rejected;
    }
}
