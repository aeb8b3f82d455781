using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Equipment.BuildingBlocks.Data;

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>One page of an ordered query, with the total. Page numbers start at 1.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Checked(page, pageSize);
        var total = await ordered.CountAsync(cancellationToken);
        // A page past the last is empty and keeps its number (the offset is reckoned in 64 bits: page 2147483647 is not page 1).
        var offset = (long)(number - 1) * size;
        var items = offset >= total ? [] : await ordered.Skip((int)offset).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, size, total);
    }

    /// <summary>The page number and size asked for (1 and 50 by default), or 400 naming <c>page</c> or <c>pageSize</c>.</summary>
    public static (int Number, int Size) Checked(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? 50;
        if (number < 1) throw new RuleViolationException("page", "GreaterThanOrEqual", "page must be 1 or more.");
        if (size is < 1 or > MaxPageSize)
            throw new RuleViolationException("pageSize", "InclusiveBetween", $"pageSize must be between 1 and {MaxPageSize}.");
        return (number, size);
    }

    /// <summary>One page of an ordered list already in memory, with the total (a page past the last is empty and keeps its number).</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> ordered, int? page, int? pageSize)
    {
        var (number, size) = Checked(page, pageSize);
        var offset = (long)(number - 1) * size;
        return new Page<T>(offset >= ordered.Count ? [] : ordered.Skip((int)offset).Take(size).ToList(), number, size, ordered.Count);
    }
}
