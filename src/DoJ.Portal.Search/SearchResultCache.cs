using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// What stays true of the index between two moments: an interval in which the index version is the same and no
/// scheduled entry comes due. For that interval it keeps the query that leaves out what is still to come (a filter
/// cached per segment, instead of a range rewritten on every search) and the answers of recent searches, so a
/// popular query costs its page's rendering, not a walk of the index. Any write (on this instance or caught up
/// from another) opens a new reader and starts a new interval. The answers are bounded by
/// <see cref="SearchOptions.ResultCacheEntries"/>: when full the cache starts again empty, so the queries being
/// asked fill it again at once. Keyed by the analyzed terms, so <c>hộ tịch</c> and <c>HO TICH</c> share an entry.
/// </summary>
internal sealed class SearchResultCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, object> entries = new(StringComparer.Ordinal);
    private Interval current = new(null, DateTime.MaxValue, DateTime.MinValue, new MatchAllDocsQuery());

    /// <summary>The entries still to come at <paramref name="nowUtc"/>, as a query to leave out.</summary>
    public Query Scheduled(IndexSearcher searcher, DateTime nowUtc) => For(searcher, nowUtc).Scheduled;

    /// <summary>An answer kept for <paramref name="key"/> that is still right for <paramref name="searcher"/>'s index at <paramref name="nowUtc"/>.</summary>
    public bool TryGet<T>(string key, IndexSearcher searcher, DateTime nowUtc, out T value)
        where T : class
    {
        value = null!;
        if (capacity <= 0)
        {
            return false;
        }

        var interval = For(searcher, nowUtc);
        lock (gate)
        {
            if (!ReferenceEquals(interval, current) || !entries.TryGetValue(key, out var found) || found is not T typed)
            {
                return false;
            }

            value = typed;
            return true;
        }
    }

    /// <summary>Keeps an answer computed on <paramref name="searcher"/> at <paramref name="nowUtc"/>; one of another interval is dropped.</summary>
    public void Add(string key, IndexSearcher searcher, DateTime nowUtc, object value)
    {
        if (capacity <= 0)
        {
            return;
        }

        var interval = For(searcher, nowUtc);
        lock (gate)
        {
            if (!ReferenceEquals(interval, current))
            {
                return;
            }

            if (entries.Count >= capacity)
            {
                entries.Clear();
            }

            entries[key] = value;
        }
    }

    /// <summary>The interval holding <paramref name="nowUtc"/> on <paramref name="searcher"/>'s version; a new one (and no answers) when the last one does not.</summary>
    private Interval For(IndexSearcher searcher, DateTime nowUtc)
    {
        // The reader, not its version number: a rebuilt index is a new folder whose versions start again.
        var reader = searcher.IndexReader;
        lock (gate)
        {
            var last = current;
            if (ReferenceEquals(last.Reader, reader) && nowUtc >= last.FromUtc && nowUtc < last.UntilUtc)
            {
                return last;
            }

            // A search still running on the reader before a refresh replaces the interval too; the next search on the
            // new reader replaces it again. Either way an answer is only ever served from the reader it was computed on.
            current = new Interval(reader, nowUtc, NextScheduled(searcher, nowUtc),
                new ConstantScoreQuery(new CachingWrapperFilter(NumericRangeFilter.NewInt64Range(IndexDocument.PublishedField, nowUtc.Ticks, null, false, true))));
            entries.Clear();
            return current;
        }
    }

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

    /// <param name="Reader">The index state it holds for (a refresh after any write opens a new reader).</param>
    /// <param name="FromUtc">The moment it started (a clock set back starts a new one).</param>
    /// <param name="UntilUtc">The first scheduled entry's time: it ends when that entry comes due.</param>
    /// <param name="Scheduled">Entries published after <paramref name="FromUtc"/>, the same set all through the interval.</param>
    private sealed record Interval(IndexReader? Reader, DateTime FromUtc, DateTime UntilUtc, Query Scheduled);
}
