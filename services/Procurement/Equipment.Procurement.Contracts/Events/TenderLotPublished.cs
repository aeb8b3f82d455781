namespace Equipment.Procurement.Contracts;

public sealed record TenderLotPublished(int Number, string Title, decimal EstimatedValue, IReadOnlyList<TenderLinePublished> Lines);
