namespace Equipment.BuildingBlocks.Contracts;

/// <summary>One page of a list: page numbers start at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);
