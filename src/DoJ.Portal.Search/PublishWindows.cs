using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Disjoint windows of <see cref="IndexDocument.NewestField"/>, newest first: the last 7 days, then back to 28,
/// 112, 448 and 1,792 days, then everything older. A level of a common query read window by window, each newest
/// first, gives exactly the order of reading the whole level newest first, but stops in the window that fills
/// the page: the first page of a word found in half a million articles reads one week of them.
/// </summary>
/// <remarks>
/// The boundaries move once a day (UTC midnight), so the filters are the same all day and each is cached per
/// index segment (<see cref="CachingWrapperFilter"/>): after the first search of the day a window costs a
/// bit set per segment, not a walk of its terms. The first window is open upwards; what is still to come is
/// left out by the search itself.
/// </remarks>
internal sealed class PublishWindows
{
    private static readonly int[] AgesInDays = [7, 28, 112, 448, 1792];

    private readonly Lock gate = new();
    private (DateTime Day, IReadOnlyList<Filter> Filters) current = (DateTime.MinValue, []);

    /// <summary>The windows for searches made at <paramref name="nowUtc"/>, newest first.</summary>
    public IReadOnlyList<Filter> For(DateTime nowUtc)
    {
        var day = nowUtc.Date;
        lock (gate)
        {
            if (current.Day != day)
            {
                current = (day, Build(day));
            }

            return current.Filters;
        }
    }

    private static List<Filter> Build(DateTime day)
    {
        var filters = new List<Filter>(AgesInDays.Length + 1);
        long? upper = null;
        foreach (var age in AgesInDays)
        {
            var lower = day.AddDays(-age).Ticks;
            filters.Add(Window(lower, upper));
            upper = lower;
        }

        filters.Add(Window(null, upper));
        return filters;
    }

    /// <summary>[lower, upper): each time falls in exactly one window.</summary>
    private static CachingWrapperFilter Window(long? lower, long? upper) =>
        new(NumericRangeFilter.NewInt64Range(IndexDocument.NewestField, lower, upper, true, false));
}
