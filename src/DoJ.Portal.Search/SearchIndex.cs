using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Search;

/// <summary>
/// This instance's Lucene.NET index of published articles, public documents of the register (with the
/// text of their files) and published static pages, each entry with its kind (<c>Search:IndexPath</c>, by default
/// <c>{Storage:DataPath}/search-index</c>; see ADR 0011). It is derived data: rebuilt from the database when missing,
/// of another schema version, unreadable or stale. The instance that saves an article updates it at once
/// (<see cref="UpdateArticleAsync"/>, <see cref="UpdateAsync"/> for any kind); every instance also follows the <c>ContentChanges</c> sequence
/// (<see cref="CatchUpAsync"/>), so a change made on another instance is searchable here within
/// <c>Search:CatchUpInterval</c>. Scheduled articles and documents are indexed with their publish time and left
/// out until it comes; every hit is checked against the database. A search counts the matches once, up to 10,000, and
/// then reads the levels of its <see cref="SearchPlan"/> in order, each newest first, until the page
/// is full: nothing below the page is ranked.
/// </summary>
/// <remarks>
/// The one type callers see; the work is done by <see cref="SearchIndexStore"/> (lifecycle),
/// <see cref="SearchIndexWriter"/> (writing), <see cref="SearchIndexReader"/> (searching) and
/// <see cref="SearchHighlighter"/> (marking the words).
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bump when the analyzer or the fields change: every instance then rebuilds at start-up.</summary>
    public const int SchemaVersion = 5;

    /// <summary>Deep result pages cost memory; nobody reads past this.</summary>
    public const int MaxPage = 50;

    public const int MaxQueryLength = 200;
    public const int MaxTerms = 16;

    /// <summary>The index folder's name under <c>Storage:DataPath</c>.</summary>
    public const string FolderName = "search-index";

    /// <summary>How much of a long text the highlighter reads to mark the words.</summary>
    public const int MaxHighlightChars = 50_000;

    private readonly ILogger<SearchIndex> logger;
    private readonly SearchIndexStore store;
    private readonly SearchIndexWriter writer;
    private readonly SearchIndexReader reader;

    public SearchIndex(IOptions<SearchOptions> options, ILogger<SearchIndex> logger, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        var path = options.Value.IndexPath ?? throw new InvalidOperationException("Search:IndexPath is resolved at start-up.");
        store = new SearchIndexStore(path, logger, Math.Clamp(options.Value.RebuildBufferMB, 1, 1024));
        writer = new SearchIndexWriter(store, clock ?? TimeProvider.System, options.Value.GapTimeout);
        reader = new SearchIndexReader(store, new SearchHighlighter(store.Analyzer), new SearchResultCache(options.Value.ResultCacheEntries));
    }

    /// <summary>Completes once the index can answer (after the start-up check or rebuild).</summary>
    public Task WhenReady => store.WhenReady;

    public bool IsReady => store.IsReady;

    /// <summary>The last change of the <c>ContentChanges</c> sequence this index holds, and every one before it.</summary>
    public long ChangePosition => store.Changes.Position;

    /// <summary>
    /// Opens the index, rebuilding it when it is missing, of another schema, unreadable or stale. A stale index (readable,
    /// this schema, only older than the database) answers searches while the new one is built; otherwise searches wait
    /// for the rebuild (<see cref="WhenReady"/>).
    /// </summary>
    public async Task EnsureCurrentAsync(SearchContentRepository content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fingerprint = await content.FingerprintAsync(cancellationToken);
        var range = await content.Articles.ChangeRangeAsync(cancellationToken);
        var (reason, readable) = store.Inspect(fingerprint, range);
        if (reason is null)
        {
            store.OpenSearchers();
            store.MarkReady();
            return;
        }

        if (readable)
        {
            // Its own position is unknown or unusable: it follows the changes from now on until it is replaced.
            store.Changes.Reset(range.Last);
            store.OpenSearchers();
            store.MarkReady();
            logger.LogInformation("Rebuilding the search index: {Reason}; searches are answered from the previous index until the new one is in place", reason);
        }
        else
        {
            logger.LogInformation("Rebuilding the search index: {Reason}", reason);
        }

        await writer.RebuildAsync(content, null, cancellationToken);
        Swapped();
    }

    /// <summary>
    /// A rebuilt index was swapped in: what searches find may differ from what they found in the previous index
    /// (a stale one answered meanwhile), so answers kept outside the index (whole cached pages) must go.
    /// </summary>
    public event EventHandler? Rebuilt;

    private long version;

    /// <summary>
    /// Changes each time a rebuilt index has been swapped in on this instance (after the swap, before <see cref="Rebuilt"/>).
    /// Cached search pages vary on it: a page rendered from the previous index while the swap happened and stored after
    /// the eviction is kept under the old value, which no request asks for again.
    /// </summary>
    public long Version => Interlocked.Read(ref version);

    private void Swapped()
    {
        Interlocked.Increment(ref version);
        Rebuilt?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Rebuilds the whole index from the database; <paramref name="progress"/> gets the count done.</summary>
    public async Task<int> RebuildAsync(SearchContentRepository content, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var count = await writer.RebuildAsync(content, progress, cancellationToken);
        Swapped();
        return count;
    }

    /// <summary>Brings one article's entry in line with the database: added, replaced or removed.</summary>
    public Task UpdateArticleAsync(ArticleRepository articles, int articleId, CancellationToken cancellationToken = default) =>
        writer.UpdateArticleAsync(articles, articleId, cancellationToken);

    /// <summary>
    /// Brings one entry of any kind in line with the database (added, replaced or removed), at once on this
    /// instance; the others follow the <c>ContentChanges</c> row the save recorded. Optional: without it this
    /// instance catches up within <c>Search:CatchUpInterval</c> too.
    /// </summary>
    public Task UpdateAsync(SearchContentRepository content, ContentKind kind, int id, CancellationToken cancellationToken = default) =>
        writer.UpdateAsync(content, kind, [id], cancellationToken);

    /// <summary>As <see cref="UpdateAsync(SearchContentRepository, ContentKind, int, CancellationToken)"/> for many entries of one kind, written in batches.</summary>
    public Task UpdateAsync(SearchContentRepository content, ContentKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        writer.UpdateAsync(content, kind, ids, cancellationToken);

    /// <summary>
    /// Applies the changes saved (on any instance) since the last call, up to <paramref name="batch"/> of them;
    /// returns how many entries it updated. Each is re-read from the database, so applying one twice is harmless.
    /// </summary>
    public Task<int> CatchUpAsync(SearchContentRepository content, DateTime nowUtc, TimeSpan gapTimeout, int batch = SearchIndexWriter.BatchSize, CancellationToken cancellationToken = default) =>
        writer.CatchUpAsync(content, nowUtc, gapTimeout, batch, cancellationToken);

    /// <summary>Runs a search; <paramref name="text"/> is any string a user can type.</summary>
    public SearchResults Search(string text, int page, int pageSize, DateTime nowUtc) => reader.Search(text, page, pageSize, nowUtc);

    /// <summary>
    /// The register's search: the ids of the documents <paramref name="text"/> finds (any string a user can
    /// type), best first, at most <paramref name="limit"/>. A full number (<c>15/2025/QĐ-UBND</c> in any case or
    /// spacing) comes first; a query that looks like a number (<c>QĐ 15</c>) finds the numbers having all its
    /// parts; other text must have every word (folded) in the number, abstract, signer, type, issuing body,
    /// field or the text of the files, ranked by the levels of the site search, ties newest first. Scheduled
    /// documents are left out; the caller still checks the ids against the database. Empty while the index
    /// is not ready.
    /// </summary>
    public IReadOnlyList<int> FindDocumentIds(string text, int limit, DateTime nowUtc) => reader.FindDocumentIds(text, limit, nowUtc);

    /// <summary>The ids of the public questions a word search finds (title, question, answer, field), best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<int> FindQuestionIds(string text, int limit, DateTime nowUtc) => reader.FindQuestionIds(text, limit, nowUtc);

    public void Dispose()
    {
        // A write still running (a rebuild being cancelled, a file's text arriving) ends before the folder is closed
        // under it; a write that does not end in time is left to fail on its own thread, where it is caught.
        var idle = writer.WaitIdle(TimeSpan.FromSeconds(30));
        store.Dispose();
        if (idle)
        {
            writer.Dispose();
        }
    }

    /// <summary>Where counting stops (tests lower it to see a common query's windows at work on a few entries).</summary>
    internal int CountCap
    {
        get => reader.CountCap;
        set => reader.CountCap = value;
    }

    /// <summary>Writes the given articles and opens the index (for tests that need no database).</summary>
    internal void Load(IReadOnlyCollection<ArticleIndexItem> items) => writer.Load(items, [], []);

    /// <summary>Writes the given content of every kind and opens the index (for tests that need no database).</summary>
    internal void Load(IReadOnlyCollection<ArticleIndexItem> articles, IReadOnlyCollection<DocumentIndexItem> documents, IReadOnlyCollection<PageIndexItem> pages) =>
        writer.Load(articles, documents, pages);
}
