using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>A need against a grant budget line; its estimate is committed on the line from the moment it is raised.</summary>
public sealed class Requisition
{
    private Requisition() { }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string BudgetLineCode { get; private set; } = "";
    public string ItemCategory { get; private set; } = "";
    public string TechnicalSpecification { get; private set; } = "";
    public int Quantity { get; private set; }
    public decimal EstimatedUnitValue { get; private set; }
    public string? DestinationCrossingPointCode { get; private set; }
    public string? DestinationWarehouse { get; private set; }
    public DateOnly RequiredBy { get; private set; }
    public RequisitionStatus Status { get; private set; }
    public Guid? TenderId { get; private set; }
    public DateTime RaisedAt { get; private set; }

    public decimal EstimatedValue => Quantity * EstimatedUnitValue;

    public static Requisition Raise(KnownGrant grant, string budgetLineCode, string itemCategory, string specification, int quantity,
        decimal estimatedUnitValue, string? crossingPointCode, string? warehouse, DateOnly requiredBy, DateTime nowUtc)
    {
        ItemCategories.EnsureKnown(itemCategory, "itemCategory");
        if ((crossingPointCode is null) == (warehouse is null))
            throw new RuleViolationException("destinationCrossingPointCode", "OneDestination",
                "A requisition goes either to one of the grant's agreed crossing points or to a warehouse.");
        if (crossingPointCode is not null && !grant.IsAgreedCrossingPoint(crossingPointCode))
            throw new RuleViolationException("destinationCrossingPointCode", "AgreedCrossingPoint",
                $"'{crossingPointCode}' is not an agreed crossing point of grant {grant.Reference} ({string.Join(", ", grant.CrossingPointCodes)}).");

        var requisition = new Requisition
        {
            Id = Guid.NewGuid(),
            GrantId = grant.GrantId,
            DonorCode = grant.DonorCode,
            BudgetLineCode = budgetLineCode,
            ItemCategory = itemCategory,
            TechnicalSpecification = specification,
            Quantity = quantity,
            EstimatedUnitValue = estimatedUnitValue,
            DestinationCrossingPointCode = crossingPointCode,
            DestinationWarehouse = warehouse,
            RequiredBy = requiredBy,
            Status = RequisitionStatus.Open,
            RaisedAt = nowUtc,
        };
        grant.BudgetLine(budgetLineCode, "budgetLineCode").Commit(requisition.EstimatedValue);
        return requisition;
    }

    public void PutInTender(Guid tenderId)
    {
        if (Status != RequisitionStatus.Open)
            throw new StateConflictException($"Requisition {Id} is {Status}: only an open requisition can go into a tender (a need is tendered whole, once).",
                Status.ToString(), [nameof(RequisitionStatus.Open)]);
        Status = RequisitionStatus.Tendered;
        TenderId = tenderId;
    }

    /// <summary>The tender was cancelled: the need is open again, still committed at its estimate.</summary>
    public void ReturnFromTender()
    {
        if (Status != RequisitionStatus.Tendered) return;
        Status = RequisitionStatus.Open;
        TenderId = null;
    }

    public void MarkContracted() => Status = RequisitionStatus.Contracted;

    public void Cancel(BudgetLine line)
    {
        if (Status != RequisitionStatus.Open)
            throw new StateConflictException($"Requisition {Id} is {Status}; only an open requisition can be cancelled.", Status.ToString(), [nameof(RequisitionStatus.Open)]);
        Status = RequisitionStatus.Cancelled;
        line.Release(EstimatedValue);
    }
}
