using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// The answers of recent searches, for as long as they cannot differ: the same index version (any write, on this
/// instance or caught up from another, makes a new one and empties the cache) and no scheduled entry come due
/// since the cache was emptied. A popular query then costs its page's rendering, not a walk of the index. Bounded
/// by <see cref="SearchOptions.ResultCacheEntries"/>: when full it starts again empty, so the queries being
/// asked fill it again at once. Keyed by the analyzed terms, so <c>hộ tịch</c> and <c>HO TICH</c> share an entry.
/// </summary>
internal sealed class SearchResultCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, object> entries = new(StringComparer.Ordinal);
    private long version = -1;
    private DateTime validFromUtc = DateTime.MaxValue;
    private DateTime validUntilUtc = DateTime.MinValue;

    /// <summary>An answer kept for <paramref name="key"/> that is still right for <paramref name="searcher"/>'s index at <paramref name="nowUtc"/>.</summary>
    public bool TryGet<T>(string key, IndexSearcher searcher, DateTime nowUtc, out T value)
        where T : class
    {
        value = null!;
        if (capacity <= 0)
        {
            return false;
        }

        var current = Version(searcher);
        lock (gate)
        {
            if (current != version || nowUtc < validFromUtc || nowUtc >= validUntilUtc || !entries.TryGetValue(key, out var found) || found is not T typed)
            {
                return false;
            }

            value = typed;
            return true;
        }
    }

    /// <summary>Keeps an answer computed on <paramref name="searcher"/> at <paramref name="nowUtc"/>; an answer from an older index version is dropped.</summary>
    public void Add(string key, IndexSearcher searcher, DateTime nowUtc, object value)
    {
        if (capacity <= 0)
        {
            return;
        }

        var current = Version(searcher);
        lock (gate)
        {
            if (current < version)
            {
                return;
            }

            if (current != version || nowUtc < validFromUtc || nowUtc >= validUntilUtc || entries.Count >= capacity)
            {
                entries.Clear();
                version = current;
                validFromUtc = nowUtc;
                validUntilUtc = NextScheduled(searcher, nowUtc);
            }

            entries[key] = value;
        }
    }

    private static long Version(IndexSearcher searcher) => searcher.IndexReader is DirectoryReader reader ? reader.Version : -1;

    /// <summary>When the first entry still to come at <paramref name="nowUtc"/> becomes public (scheduled content is little: one short read).</summary>
    private static DateTime NextScheduled(IndexSearcher searcher, DateTime nowUtc)
    {
        var scheduled = NumericRangeQuery.NewInt64Range(IndexDocument.PublishedField, nowUtc.Ticks, null, false, true);
        var first = searcher.Search(scheduled, null, 1, new Sort(new SortField(IndexDocument.PublishedSortField, SortFieldType.INT64)));
        if (first.ScoreDocs.Length == 0)
        {
            return DateTime.MaxValue;
        }

        // What is scheduled is an article, a document or a question, whose shown date is its publish time.
        var ticks = searcher.Doc(first.ScoreDocs[0].Doc).GetField(IndexDocument.DateField)?.GetInt64Value() ?? 0;
        return ticks > nowUtc.Ticks && ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc) : nowUtc;
    }
}
