using System.Globalization;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using Lucene.Net.Index;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Runs a search: counts the matches once (up to <see cref="DefaultCountCap"/>), then reads the levels of its
/// <see cref="SearchPlan"/> in order, each newest first, until the page is full; nothing below the page is ranked,
/// and a common query's levels are read in windows of time, so not even a level is read past the page. All kinds are
/// ranked together by the same levels; inside a level the newest come first (publish time, or a page's
/// last update). <see cref="FindDocumentIds"/> is the register's lookup over documents only.
/// </summary>
internal sealed class SearchIndexReader(SearchIndexStore store, SearchHighlighter highlighter, SearchResultCache cache)
{
    /// <summary>Matches are counted up to here; past it the page says "more than" and the levels are read in <see cref="PublishWindows"/>.</summary>
    public const int DefaultCountCap = 10_000;

    private static readonly Sort Newest = new(new SortField(IndexDocument.PublishedSortField, SortFieldType.INT64, true));

    /// <summary>A lookup's hits need their id only, not the stored texts.</summary>
    private static readonly HashSet<string> IdOnly = [IndexDocument.IdField];

    /// <summary>One slice that is the whole level.</summary>
    private static readonly Filter?[] Whole = [null];

    private readonly PublishWindows windows = new();

    /// <summary><see cref="DefaultCountCap"/>; never below the results a reader can page through (<see cref="SearchIndex.MaxPage"/> pages).</summary>
    public int CountCap { get; set; } = DefaultCountCap;

    /// <summary>Runs a search; <paramref name="text"/> is any string a user can type.</summary>
    public SearchResults Search(string text, int page, int pageSize, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = store.Analyzer.Terms(SearchQueryBuilder.Body, Clip(text), SearchIndex.MaxTerms);
        if ((terms.Count == 0 ? null : store.Acquire()) is not (SearcherManager searchers, IndexSearcher searcher))
        {
            return new SearchResults(new PagedList<SearchHit>([], page, pageSize, 0), terms, false, 0);
        }

        try
        {
            var key = string.Join('\u0001', ["search", page.ToString(CultureInfo.InvariantCulture), pageSize.ToString(CultureInfo.InvariantCulture),
                CountCap.ToString(CultureInfo.InvariantCulture), .. terms]);
            if (cache.TryGet<SearchResults>(key, searcher, nowUtc, out var kept))
            {
                return kept;
            }

            var scheduled = cache.Scheduled(searcher, nowUtc);
            var anyWord = false;
            var plan = SearchQueryBuilder.Plan(terms, requireAll: true);
            var cap = Math.Max(CountCap, SearchIndex.MaxPage * pageSize);
            var matches = Count(searcher, plan.Matches, scheduled, cap);
            if (matches.Count == 0 && terms.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                anyWord = true;
                plan = SearchQueryBuilder.Plan(terms, requireAll: false);
                matches = Count(searcher, plan.Matches, scheduled, cap);
            }

            var wanted = page > SearchIndex.MaxPage || matches.Count == 0 ? 0 : page * pageSize;
            // A common query's levels are large: read them a window of time at a time, newest first, up to the page.
            var slices = matches.Reached ? windows.For(nowUtc) : null;
            var hits = Collect(searcher, plan.Levels, scheduled, wanted, slices)
                .Skip((page - 1) * pageSize)
                .Select(doc => ToHit(searcher.Doc(doc), terms))
                .ToList();
            var total = Math.Min(matches.Count, SearchIndex.MaxPage * pageSize);
            var results = new SearchResults(new PagedList<SearchHit>(hits, page, pageSize, total), terms, anyWord, matches.Count) { MoreMatches = matches.Reached };
            cache.Add(key, searcher, nowUtc, results);
            return results;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The ids of the documents (scheduled ones left out) a register query finds, best first, at most
    /// <paramref name="limit"/>: a full number first (<see cref="DocumentNumber.Key"/>); a query that looks like
    /// a number finds the numbers having all its parts; otherwise every word must occur in the number,
    /// abstract, signer, type, issuing body, field or file text, ranked by the levels of the site search.
    /// Ties go to the newest.
    /// </summary>
    public IReadOnlyList<int> FindDocumentIds(string text, int limit, DateTime nowUtc) => FindIds(ContentKind.Document, text, limit, nowUtc);

    /// <summary>The ids of the questions (published for later left out) whose title, question, answer or field hold every word, ranked as <see cref="FindDocumentIds"/>.</summary>
    public IReadOnlyList<int> FindQuestionIds(string text, int limit, DateTime nowUtc) => FindIds(ContentKind.Question, text, limit, nowUtc);

    /// <summary>One kind's lookup; the number levels apply to documents only.</summary>
    private IReadOnlyList<int> FindIds(ContentKind kind, string text, int limit, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = SearchText.Clean(text);
        if ((query.Length == 0 || limit <= 0 ? null : store.Acquire()) is not (SearcherManager searchers, IndexSearcher searcher))
        {
            return [];
        }

        limit = Math.Min(limit, SearchIndex.MaxPage * 100);
        try
        {
            var cacheKey = string.Join('\u0001', "ids", IndexDocument.KindName(kind), limit.ToString(CultureInfo.InvariantCulture), query);
            if (cache.TryGet<IReadOnlyList<int>>(cacheKey, searcher, nowUtc, out var kept))
            {
                return kept;
            }

            var documents = new TermQuery(IndexDocument.KindTerm(kind));
            var numbers = kind == ContentKind.Document;
            var excluded = cache.Scheduled(searcher, nowUtc);
            var levels = new List<Query>();
            var key = numbers ? DocumentNumber.Key(query) : "";
            Query? exact = null;
            if (key.Length is > 0 and <= 200)
            {
                exact = new TermQuery(new Term(IndexDocument.NumberKeyField, key));
                levels.Add(exact);
            }

            if (numbers && DocumentNumber.LooksLikeNumber(query))
            {
                var parts = new BooleanQuery(disableCoord: true);
                foreach (var part in DocumentNumber.Parts(query).Distinct(StringComparer.Ordinal).Take(SearchIndex.MaxTerms))
                {
                    parts.Add(new TermQuery(new Term(IndexDocument.NumberPartField, part)), Occur.MUST);
                }

                levels.Add(parts);
            }
            else
            {
                var terms = store.Analyzer.Terms(SearchQueryBuilder.Body, query, SearchIndex.MaxTerms);
                if (terms.Count > 0)
                {
                    levels.AddRange(SearchQueryBuilder.Plan(terms, requireAll: true).Levels);
                }
            }

            var ids = new List<int>();
            var seen = new HashSet<int>();
            foreach (var level in levels)
            {
                if (ids.Count >= limit)
                {
                    break;
                }

                var only = new BooleanQuery(disableCoord: true) { { level, Occur.MUST }, { documents, Occur.MUST }, { excluded, Occur.MUST_NOT } };
                if (exact is not null && !ReferenceEquals(level, exact))
                {
                    only.Add(exact, Occur.MUST_NOT);
                }

                // A level's queue is as large as its hits, not the limit (5,000 entries a level were large-object garbage).
                var counter = new CappedHitCounter(limit - ids.Count);
                searcher.Search(only, counter);
                if (counter.Count == 0)
                {
                    continue;
                }

                // The levels are disjoint (the exact number is excluded from the others); "seen" is a safeguard.
                var top = searcher.Search(only, null, counter.Count, Newest);
                foreach (var doc in top.ScoreDocs)
                {
                    var id = int.Parse(searcher.Doc(doc.Doc, IdOnly).Get(IndexDocument.IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    if (ids.Count < limit && seen.Add(id))
                    {
                        ids.Add(id);
                    }
                }
            }

            cache.Add(cacheKey, searcher, nowUtc, ids.AsReadOnly());
            return ids;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static CappedHitCounter Count(IndexSearcher searcher, Query matches, Query scheduled, int cap)
    {
        var counter = new CappedHitCounter(cap);
        searcher.Search(Without(matches, scheduled), counter);
        return counter;
    }

    /// <summary>
    /// The first <paramref name="wanted"/> documents: the levels in order, each newest first; with
    /// <paramref name="slices"/> (disjoint windows of time, newest first) each level is read window by window
    /// and stops in the window that fills the page, which gives the same documents in the same order.
    /// </summary>
    private static List<int> Collect(IndexSearcher searcher, IReadOnlyList<Query> levels, Query scheduled, int wanted, IReadOnlyList<Filter?>? slices)
    {
        var docs = new List<int>(wanted);
        foreach (var level in levels)
        {
            var query = Without(level, scheduled);
            foreach (var slice in slices ?? Whole)
            {
                if (docs.Count >= wanted)
                {
                    return docs;
                }

                Query sliced = slice is null ? query : new FilteredQuery(query, slice, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
                var top = searcher.Search(sliced, null, wanted - docs.Count, Newest);
                docs.AddRange(top.ScoreDocs.Select(d => d.Doc));
            }
        }

        return docs;
    }

    private static BooleanQuery Without(Query query, Query excluded) => new(disableCoord: true)
    {
        { query, Occur.MUST },
        { excluded, Occur.MUST_NOT },
    };

    private static string Clip(string text) => text.Length > SearchIndex.MaxQueryLength ? text[..SearchIndex.MaxQueryLength] : text;

    private SearchHit ToHit(Document doc, IReadOnlyList<string> terms)
    {
        var kind = IndexDocument.ParseKind(doc.Get(IndexDocument.KindField, CultureInfo.InvariantCulture));
        var title = doc.Get(SearchQueryBuilder.Title, CultureInfo.InvariantCulture) ?? "";
        var body = doc.Get(SearchQueryBuilder.Body, CultureInfo.InvariantCulture) ?? "";
        var summary = doc.Get(SearchQueryBuilder.Summary, CultureInfo.InvariantCulture) ?? "";
        return new SearchHit(
            int.Parse(doc.Get(IndexDocument.IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            doc.Get(IndexDocument.SlugField, CultureInfo.InvariantCulture),
            highlighter.Title(title, terms),
            highlighter.Excerpt(body, summary, terms),
            new DateTime(doc.GetField(IndexDocument.DateField).GetInt64Value() ?? 0, DateTimeKind.Utc),
            doc.Get(SearchQueryBuilder.Category, CultureInfo.InvariantCulture) ?? "",
            doc.Get(IndexDocument.CategorySlugField, CultureInfo.InvariantCulture) ?? "",
            kind,
            doc.Get(IndexDocument.NumberField, CultureInfo.InvariantCulture) ?? "");
    }
}
