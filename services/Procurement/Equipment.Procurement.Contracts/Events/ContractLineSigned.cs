namespace Equipment.Procurement.Contracts;

public sealed record ContractLineSigned(
    int LineNumber,
    string ItemCategory,
    string Description,
    int Quantity,
    decimal UnitPrice,
    string? DestinationCrossingPointCode,
    DateOnly DeliveryDeadline,
    int WarrantyMonths)
{
    /// <summary>v2: set when the line goes to a warehouse rather than a crossing point.</summary>
    public string? DestinationWarehouse { get; init; }
    public string? CountryOfOrigin { get; init; }
}
