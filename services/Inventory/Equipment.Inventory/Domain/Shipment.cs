using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;


/// <summary>Goods on their way under a waybill: dispatched → in transit → arrived; a contract line may come in several shipments.</summary>
public sealed class Shipment
{
    private static readonly Dictionary<ShipmentStatus, ShipmentStatus[]> Next = new()
    {
        [ShipmentStatus.Dispatched] = [ShipmentStatus.InTransit, ShipmentStatus.Arrived],
        [ShipmentStatus.InTransit] = [ShipmentStatus.Arrived],
        [ShipmentStatus.Arrived] = [ShipmentStatus.Received],
        [ShipmentStatus.Received] = [],
    };

    private Shipment() { }

    public Guid Id { get; private set; }
    public string WaybillNumber { get; private set; } = "";
    public string Carrier { get; private set; } = "";
    public Guid ContractId { get; private set; }
    public string ContractReference { get; private set; } = "";
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public ShipmentStatus Status { get; private set; }
    public DateOnly DispatchedOn { get; private set; }
    public DateOnly EstimatedArrival { get; private set; }
    public DateOnly? ArrivedOn { get; private set; }
    public string? WarehouseCode { get; private set; }
    public List<ShipmentLine> Lines { get; private set; } = [];

    public static Shipment Dispatch(string waybillNumber, string carrier, DateOnly dispatchedOn, DateOnly eta, IReadOnlyList<(ExpectedDelivery Delivery, int Quantity)> lines)
    {
        if (lines.Count == 0)
            throw new RuleViolationException("lines", "NotEmpty", "A shipment carries at least one contract line.");
        if (lines.Select(l => l.Delivery.ContractId).Distinct().Count() > 1)
            throw new RuleViolationException("lines", "OneContract", "A shipment carries lines of one contract (one supplier, one waybill).");
        if (eta < dispatchedOn)
            throw new RuleViolationException("estimatedArrival", "AfterDispatch", "A shipment cannot arrive before it leaves.");
        var signed = lines.Select(l => l.Delivery.ContractSignedOn).Where(d => d != default).DefaultIfEmpty().Max();
        if (signed != default && dispatchedOn < signed)
            throw new RuleViolationException("dispatchedOn", "NotBeforeContractSignature",
                $"Contract {lines[0].Delivery.ContractReference} was signed on {signed:yyyy-MM-dd}; goods cannot be dispatched under it on {dispatchedOn:yyyy-MM-dd}, before the signature.");
        foreach (var (delivery, quantity) in lines) delivery.Ship(quantity);
        var first = lines[0].Delivery;
        return new Shipment
        {
            Id = Guid.NewGuid(),
            WaybillNumber = waybillNumber,
            Carrier = carrier,
            ContractId = first.ContractId,
            ContractReference = first.ContractReference,
            GrantId = first.GrantId,
            DonorCode = first.DonorCode,
            Status = ShipmentStatus.Dispatched,
            DispatchedOn = dispatchedOn,
            EstimatedArrival = eta,
            Lines = lines.Select(l => new ShipmentLine(l.Delivery.Id, l.Delivery.ContractLineNumber, l.Quantity)).ToList(),
        };
    }

    public void MarkInTransit() => Move(ShipmentStatus.InTransit);

    public void Arrive(DateOnly arrivedOn, string warehouseCode)
    {
        if (arrivedOn < DispatchedOn)
            throw new RuleViolationException("arrivedOn", "AfterDispatch",
                $"The shipment left on {DispatchedOn:yyyy-MM-dd}; it cannot arrive on {arrivedOn:yyyy-MM-dd}, before it left.");
        Move(ShipmentStatus.Arrived);
        ArrivedOn = arrivedOn;
        WarehouseCode = warehouseCode;
    }

    public void MarkReceived() => Move(ShipmentStatus.Received);

    public ShipmentLine Line(int contractLineNumber, string field) =>
        Lines.FirstOrDefault(l => l.ContractLineNumber == contractLineNumber)
        ?? throw new RuleViolationException(field, "ShippedLine", $"Waybill {WaybillNumber} carries no units of contract line {contractLineNumber}.");

    private void Move(ShipmentStatus target)
    {
        if (!Next[Status].Contains(target))
            throw new StateConflictException($"Shipment {WaybillNumber} is {Status}; it cannot become {target}.", Status.ToString(), Next[Status].Select(s => s.ToString()).ToList());
        Status = target;
    }
}

