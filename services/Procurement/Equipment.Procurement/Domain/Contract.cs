using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

public enum ContractStatus { Draft, Signed }

/// <summary>A supply contract with its lines. Only a draft can be signed; a signed contract is announced to the others.</summary>
public sealed class Contract
{
    private readonly List<ContractLine> _lines = [];

    private Contract() { }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string SupplierName { get; private set; } = "";
    public string SupplierCountry { get; private set; } = "";
    public string Currency { get; private set; } = "EUR";
    public ContractStatus Status { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public IReadOnlyList<ContractLine> Lines => _lines;
    public decimal TotalValue => _lines.Sum(l => l.Quantity * l.UnitPrice);

    public static Contract Draft(string reference, KnownGrant grant, string supplierName, string supplierCountry, IReadOnlyList<ContractLine> lines)
    {
        if (lines.Count == 0)
            throw new RuleViolationException("lines", "NotEmpty", "A contract has at least one line.");
        for (var i = 0; i < lines.Count; i++)
        {
            if (!grant.IsAgreedCrossingPoint(lines[i].DestinationCrossingPointCode))
                throw new RuleViolationException($"lines[{i}].destinationCrossingPointCode", "AgreedCrossingPoint",
                    $"'{lines[i].DestinationCrossingPointCode}' is not an agreed crossing point of grant {grant.Reference} ({string.Join(", ", grant.CrossingPointCodes)}).");
        }

        var contract = new Contract
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            GrantId = grant.GrantId,
            DonorCode = grant.DonorCode,
            SupplierName = supplierName,
            SupplierCountry = supplierCountry,
            Status = ContractStatus.Draft,
        };
        contract._lines.AddRange(lines);
        return contract;
    }

    public void Sign(DateOnly signedOn)
    {
        if (Status != ContractStatus.Draft)
            throw new StateConflictException($"Contract {Reference} is {Status}; only a Draft contract can be signed.", Status.ToString(), []);
        Status = ContractStatus.Signed;
        SignedOn = signedOn;
    }
}

public sealed record ContractLine(
    int LineNumber, string ItemCategory, string Description, int Quantity, decimal UnitPrice,
    string DestinationCrossingPointCode, DateOnly DeliveryDeadline, int WarrantyMonths);
