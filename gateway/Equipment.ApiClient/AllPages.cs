using Equipment.BuildingBlocks.Contracts;

namespace Equipment.ApiClient;

/// <summary>
/// Every item of a paged list, read a page of 200 (the services' largest) at a time, for a picker that must offer them
/// all (the suppliers to invite, the assets a fault is reported on). Stops at <paramref name="limit"/> items, so that a
/// picker never grows without bound; a list that can pass it needs a search instead.
/// </summary>
public static class AllPages
{
    public const int PageSize = 200;

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<int, int, Task<Page<T>>> page, int limit = 5_000)
    {
        var items = new List<T>();
        for (var number = 1; ; number++)
        {
            var next = await page(number, PageSize);
            items.AddRange(next.Items);
            if (next.Items.Count < PageSize || items.Count >= next.TotalCount || items.Count >= limit) return items.Take(limit).ToList();
        }
    }
}
