using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DoJ.Portal.Search;

/// <summary>
/// This instance's Lucene.NET index of published articles (<c>Search:IndexPath</c>, by default
/// <c>{Storage:DataPath}/search-index</c>). It is derived data: rebuilt from the database when missing,
/// of another schema version, unreadable or stale. The instance that saves an article updates it at once
/// (<see cref="UpdateArticleAsync"/>); every instance also follows the <c>ArticleChanges</c> sequence
/// (<see cref="CatchUpAsync"/>), so a change made on another instance is searchable here within
/// <c>Search:CatchUpInterval</c>. Scheduled articles are indexed with their publish time and left
/// out until it comes; every hit is checked against the database. A search counts the matches once and
/// then reads the levels of its <see cref="SearchPlan"/> in order, each newest first, until the page
/// is full: nothing below the page is ranked.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bump when the analyzer or the fields change: every instance then rebuilds at start-up.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Deep result pages cost memory; nobody reads past this.</summary>
    public const int MaxPage = 50;

    public const int MaxQueryLength = 200;
    public const int MaxTerms = 16;

    /// <summary>The index folder's name under <c>Storage:DataPath</c>.</summary>
    public const string FolderName = "search-index";

    private const string IdField = "id";
    private const string SlugField = "slug";
    private const string CategorySlugField = "category_slug";
    private const string PublishedField = "published";
    private const string PublishedSortField = "published_sort";
    private const string SchemaKey = "schema";
    private const string FingerprintKey = "fingerprint";
    private const string ChangesKey = "changes";
    private const int BatchSize = 500;

    /// <summary>How much of a long text the highlighter reads to mark the words.</summary>
    public const int MaxHighlightChars = 50_000;

    /// <summary>Indexed for matching only: no positions, norms or stored text.</summary>
    private static readonly FieldType MatchOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    /// <summary>Indexed with positions (a phrase of pairs), nothing else.</summary>
    private static readonly FieldType PairsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, OmitNorms = true });

    private static readonly Sort Newest = new(new SortField(PublishedSortField, SortFieldType.INT64, true));

    private readonly VietnameseAnalyzer analyzer = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<SearchIndex> logger;
    private readonly string path;
    private readonly ChangeCursor changes = new(0);
    private LuceneDirectory directory;
    private SearcherManager? searchers;

    public SearchIndex(IOptions<SearchOptions> options, ILogger<SearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        path = options.Value.IndexPath ?? throw new InvalidOperationException("Search:IndexPath is resolved at start-up.");
        directory = FSDirectory.Open(new DirectoryInfo(path));
    }

    /// <summary>Completes once the index can answer (after the start-up check or rebuild).</summary>
    public Task WhenReady => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>The last change of the <c>ArticleChanges</c> sequence this index holds, and every one before it.</summary>
    public long ChangePosition => changes.Position;

    /// <summary>Opens the index, rebuilding it first when it is missing, old, unreadable or stale.</summary>
    public async Task EnsureCurrentAsync(ArticleRepository articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var fingerprint = await articles.IndexableFingerprintAsync(cancellationToken);
        var range = await articles.ChangeRangeAsync(cancellationToken);
        var reason = Inspect(fingerprint, range);
        if (reason is not null)
        {
            logger.LogInformation("Rebuilding the search index: {Reason}", reason);
            await RebuildAsync(articles, null, cancellationToken);
        }
        else
        {
            OpenSearchers();
        }

        ready.TrySetResult();
    }

    /// <summary>Rebuilds the whole index from the database; <paramref name="progress"/> gets the count done.</summary>
    public async Task<int> RebuildAsync(ArticleRepository articles, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // Read first: a change saved while the articles are read is applied again afterwards (harmless).
            var (_, lastChange) = await articles.ChangeRangeAsync(cancellationToken);
            var fingerprint = await articles.IndexableFingerprintAsync(cancellationToken);
            ResetIfUnreadable();
            changes.Reset(lastChange);
            var count = 0;
            using (var writer = OpenWriter(OpenMode.CREATE))
            {
                var lastId = 0;
                while (true)
                {
                    var batch = await articles.ListIndexableAsync(lastId, BatchSize, cancellationToken);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    writer.AddDocuments(batch.Select(ToDocument));
                    count += batch.Count;
                    lastId = batch[^1].Id;
                    progress?.Report(count);
                }

                Commit(writer, fingerprint);
            }

            OpenSearchers();
            ready.TrySetResult();
            return count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Brings one article's entry in line with the database: added, replaced or removed.</summary>
    public async Task UpdateArticleAsync(ArticleRepository articles, int articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var item = await articles.GetIndexableAsync(articleId, cancellationToken);
        var fingerprint = await articles.IndexableFingerprintAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            Write([(articleId, item)], fingerprint);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Applies the changes saved (on any instance) since the last call, up to <paramref name="batch"/> of them;
    /// returns how many articles it updated. Each is re-read from the database, so applying one twice is harmless.
    /// </summary>
    public async Task<int> CatchUpAsync(ArticleRepository articles, DateTime nowUtc, TimeSpan gapTimeout, int batch = BatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (!IsReady)
        {
            return 0;
        }

        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var fresh = (await articles.ListChangesAfterAsync(changes.Position, batch, cancellationToken)).Where(c => changes.IsNew(c.Id)).ToList();
            var updates = new List<(int Id, ArticleIndexItem? Item)>();
            foreach (var id in fresh.Select(c => c.ArticleId).Distinct())
            {
                updates.Add((id, await articles.GetIndexableAsync(id, cancellationToken)));
            }

            var moved = changes.Advance(fresh.Select(c => c.Id), nowUtc, gapTimeout);
            if (updates.Count > 0 || moved)
            {
                Write(updates, await articles.IndexableFingerprintAsync(cancellationToken));
            }

            return updates.Count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Runs a search; <paramref name="text"/> is any string a user can type.</summary>
    public SearchResults Search(string text, int page, int pageSize, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = analyzer.Terms(SearchQueryBuilder.Body, Clip(text), MaxTerms);
        if (terms.Count == 0 || searchers is null)
        {
            return new SearchResults(new PagedList<SearchHit>([], page, pageSize, 0), terms, false, 0);
        }

        var searcher = searchers.Acquire();
        try
        {
            // Scheduled articles are few: leaving out those still to come costs little, unlike keeping every other one.
            var scheduled = NumericRangeQuery.NewInt64Range(PublishedField, nowUtc.Ticks, null, false, true);
            var anyWord = false;
            var plan = SearchQueryBuilder.Plan(terms, requireAll: true);
            var matches = Count(searcher, plan.Matches, scheduled);
            if (matches == 0 && terms.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                anyWord = true;
                plan = SearchQueryBuilder.Plan(terms, requireAll: false);
                matches = Count(searcher, plan.Matches, scheduled);
            }

            var wanted = page > MaxPage || matches == 0 ? 0 : page * pageSize;
            var hits = Collect(searcher, plan.Levels, scheduled, wanted)
                .Skip((page - 1) * pageSize)
                .Select(doc => ToHit(searcher.Doc(doc), terms))
                .ToList();
            var total = Math.Min(matches, MaxPage * pageSize);
            return new SearchResults(new PagedList<SearchHit>(hits, page, pageSize, total), terms, anyWord, matches);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers?.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        writeGate.Dispose();
    }

    /// <summary>Writes the given articles and opens the index (for tests that need no database).</summary>
    internal void Load(IReadOnlyCollection<ArticleIndexItem> items)
    {
        Write(items.Select(i => (i.Id, (ArticleIndexItem?)i)).ToList(), "loaded");
        ready.TrySetResult();
    }

    private static int Count(IndexSearcher searcher, Query matches, Query scheduled)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(Without(matches, scheduled), counter);
        return counter.TotalHits;
    }

    /// <summary>The first <paramref name="wanted"/> documents: the levels in order, each newest first.</summary>
    private static List<int> Collect(IndexSearcher searcher, IReadOnlyList<Query> levels, Query scheduled, int wanted)
    {
        var docs = new List<int>(wanted);
        foreach (var level in levels)
        {
            if (docs.Count >= wanted)
            {
                break;
            }

            var top = searcher.Search(Without(level, scheduled), null, wanted - docs.Count, Newest);
            docs.AddRange(top.ScoreDocs.Select(d => d.Doc));
        }

        return docs;
    }

    private static BooleanQuery Without(Query query, Query excluded) => new(disableCoord: true)
    {
        { query, Occur.MUST },
        { excluded, Occur.MUST_NOT },
    };

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static string Clip(string text) => text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;

    /// <summary>Writes (or removes) the given entries and commits once; the caller holds the write gate.</summary>
    private void Write(IReadOnlyCollection<(int Id, ArticleIndexItem? Item)> updates, string fingerprint)
    {
        using (var writer = OpenWriter(OpenMode.CREATE_OR_APPEND))
        {
            foreach (var (id, item) in updates)
            {
                var key = new Term(IdField, id.ToString(CultureInfo.InvariantCulture));
                if (item is null)
                {
                    writer.DeleteDocuments(key);
                }
                else
                {
                    writer.UpdateDocument(key, ToDocument(item));
                }
            }

            Commit(writer, fingerprint);
        }

        if (searchers is null)
        {
            OpenSearchers();
        }
        else
        {
            searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Why the index must be rebuilt, or null when it is current; <paramref name="range"/> is the stored change sequence.</summary>
    private string? Inspect(string fingerprint, (long First, long Last) range)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return "no index yet";
            }

            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                return "schema version changed";
            }

            if (!data.TryGetValue(FingerprintKey, out var stored) || stored != fingerprint)
            {
                return "the database changed since the index was written";
            }

            // An index older than the change sequence (before this version) starts following it from its end.
            var position = data.TryGetValue(ChangesKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : range.Last;
            if (position > range.Last)
            {
                return "the database was replaced since the index was written";
            }

            if (range.First > position + 1)
            {
                return "changes it has not applied were pruned";
            }

            changes.Reset(position);
            return null;
        }
#pragma warning disable CA1031 // A corrupt or foreign index is never fatal: it is rebuilt.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The search index is unreadable");
            return "unreadable index";
        }
    }

    /// <summary>Deletes the folder's files when it holds no readable index, so a fresh one can be written.</summary>
    private void ResetIfUnreadable()
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return;
            }

            using var reader = DirectoryReader.Open(directory);
        }
#pragma warning disable CA1031 // See Inspect: corruption means start again.
        catch (Exception)
#pragma warning restore CA1031
        {
            searchers?.Dispose();
            searchers = null;
            directory.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            directory = FSDirectory.Open(new DirectoryInfo(path));
        }
    }

    private IndexWriter OpenWriter(OpenMode mode) => new(directory, new IndexWriterConfig(VietnameseAnalyzer.Version, analyzer)
    {
        OpenMode = mode,
        WriteLockTimeout = 10_000,
    });

    private void Commit(IndexWriter writer, string fingerprint)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [FingerprintKey] = fingerprint,
            [ChangesKey] = changes.Position.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    private void OpenSearchers()
    {
        var previous = searchers;
        searchers = new SearcherManager(directory, null);
        previous?.Dispose();
    }

    private static Document ToDocument(ArticleIndexItem a)
    {
        var body = HtmlText.From(a.Body);
        return
        [
            new StringField(IdField, a.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(SlugField, a.Slug),
            new TextField(SearchQueryBuilder.Title, a.Title, Field.Store.YES),
            new TextField(SearchQueryBuilder.Summary, a.Summary, Field.Store.YES),
            new TextField(SearchQueryBuilder.Body, body, Field.Store.YES),
            new TextField(SearchQueryBuilder.Category, a.CategoryName, Field.Store.YES),
            new Field(SearchQueryBuilder.All, a.Title, MatchOnly),
            new Field(SearchQueryBuilder.All, a.Summary, MatchOnly),
            new Field(SearchQueryBuilder.All, body, MatchOnly),
            new Field(SearchQueryBuilder.All, a.CategoryName, MatchOnly),
            new Field(SearchQueryBuilder.TitlePairs, a.Title, PairsOnly),
            new Field(SearchQueryBuilder.TextPairs, a.Summary, PairsOnly),
            new Field(SearchQueryBuilder.TextPairs, body, PairsOnly),
            new StoredField(CategorySlugField, a.CategorySlug),
            new Int64Field(PublishedField, a.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(PublishedSortField, a.PublishedAtUtc.Ticks),
        ];
    }

    private SearchHit ToHit(Document doc, IReadOnlyList<string> terms)
    {
        var title = doc.Get(SearchQueryBuilder.Title, CultureInfo.InvariantCulture) ?? "";
        var body = doc.Get(SearchQueryBuilder.Body, CultureInfo.InvariantCulture) ?? "";
        var summary = doc.Get(SearchQueryBuilder.Summary, CultureInfo.InvariantCulture) ?? "";
        var titleHtml = Highlight(SearchQueryBuilder.Title, title, terms, new NullFragmenter(), 1) ?? Encode(title);
        var excerpt = Highlight(SearchQueryBuilder.Body, body, terms, new SimpleFragmenter(200), 2)
            ?? Highlight(SearchQueryBuilder.Summary, summary, terms, new NullFragmenter(), 1)
            ?? Encode(summary);
        return new SearchHit(
            int.Parse(doc.Get(IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            doc.Get(SlugField, CultureInfo.InvariantCulture),
            titleHtml,
            excerpt,
            new DateTime(doc.GetField(PublishedField).GetInt64Value() ?? 0, DateTimeKind.Utc),
            doc.Get(SearchQueryBuilder.Category, CultureInfo.InvariantCulture) ?? "",
            doc.Get(CategorySlugField, CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>Marks the matched words; the encoder HTML-encodes all text, so stored text cannot inject markup.</summary>
    private string? Highlight(string field, string text, IReadOnlyList<string> terms, IFragmenter fragmenter, int fragments)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var scorer = new QueryScorer(SearchQueryBuilder.ForHighlighting(field, terms), field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = MaxHighlightChars,
        };
        using var stream = analyzer.GetTokenStream(field, text);
        var best = highlighter.GetBestFragments(stream, text, fragments, " … ");
        return string.IsNullOrEmpty(best) || !best.Contains("<mark>", StringComparison.Ordinal) ? null : best;
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
