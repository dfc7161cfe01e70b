using System.Globalization;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using Lucene.Net.Index;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Runs a search: counts the matches once, then reads the levels of its <see cref="SearchPlan"/> in
/// order, each newest first, until the page is full; nothing below the page is ranked. All kinds are
/// ranked together by the same levels; inside a level the newest come first (publish time, or a page's
/// last update). <see cref="FindDocumentIds"/> is the register's lookup over documents only.
/// </summary>
internal sealed class SearchIndexReader(SearchIndexStore store, SearchHighlighter highlighter)
{
    private static readonly Sort Newest = new(new SortField(IndexDocument.PublishedSortField, SortFieldType.INT64, true));

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
            var scheduled = Scheduled(nowUtc);
            var anyWord = false;
            var plan = SearchQueryBuilder.Plan(terms, requireAll: true);
            var matches = Count(searcher, plan.Matches, scheduled);
            if (matches == 0 && terms.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                anyWord = true;
                plan = SearchQueryBuilder.Plan(terms, requireAll: false);
                matches = Count(searcher, plan.Matches, scheduled);
            }

            var wanted = page > SearchIndex.MaxPage || matches == 0 ? 0 : page * pageSize;
            var hits = Collect(searcher, plan.Levels, scheduled, wanted)
                .Skip((page - 1) * pageSize)
                .Select(doc => ToHit(searcher.Doc(doc), terms))
                .ToList();
            var total = Math.Min(matches, SearchIndex.MaxPage * pageSize);
            return new SearchResults(new PagedList<SearchHit>(hits, page, pageSize, total), terms, anyWord, matches);
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
    private List<int> FindIds(ContentKind kind, string text, int limit, DateTime nowUtc)
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
            var documents = new TermQuery(IndexDocument.KindTerm(kind));
            var numbers = kind == ContentKind.Document;
            var excluded = Scheduled(nowUtc);
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

                // The levels are disjoint (the exact number is excluded from the others); "seen" is a safeguard.
                var top = searcher.Search(only, null, limit - ids.Count, Newest);
                foreach (var doc in top.ScoreDocs)
                {
                    var id = int.Parse(searcher.Doc(doc.Doc).Get(IndexDocument.IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    if (ids.Count < limit && seen.Add(id))
                    {
                        ids.Add(id);
                    }
                }
            }

            return ids;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Scheduled content is little: leaving out what is still to come costs little, unlike keeping every other entry.</summary>
    private static NumericRangeQuery<long> Scheduled(DateTime nowUtc) => NumericRangeQuery.NewInt64Range(IndexDocument.PublishedField, nowUtc.Ticks, null, false, true);

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
