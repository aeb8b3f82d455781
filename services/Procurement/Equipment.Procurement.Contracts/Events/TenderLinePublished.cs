namespace Equipment.Procurement.Contracts;

public sealed record TenderLinePublished(int LineNumber, string ItemCategory, int Quantity, string? DestinationCrossingPointCode, DateOnly RequiredBy);
