using System.Globalization;
using DoJ.Portal.Domain.Paging;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Runs a search: counts the matches once, then reads the levels of its <see cref="SearchPlan"/> in
/// order, each newest first, until the page is full; nothing below the page is ranked.
/// </summary>
internal sealed class SearchIndexReader(SearchIndexStore store, SearchHighlighter highlighter)
{
    private static readonly Sort Newest = new(new SortField(ArticleDocument.PublishedSortField, SortFieldType.INT64, true));

    /// <summary>Runs a search; <paramref name="text"/> is any string a user can type.</summary>
    public SearchResults Search(string text, int page, int pageSize, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = store.Analyzer.Terms(SearchQueryBuilder.Body, Clip(text), SearchIndex.MaxTerms);
        var searchers = store.Searchers;
        if (terms.Count == 0 || searchers is null)
        {
            return new SearchResults(new PagedList<SearchHit>([], page, pageSize, 0), terms, false, 0);
        }

        var searcher = searchers.Acquire();
        try
        {
            // Scheduled articles are few: leaving out those still to come costs little, unlike keeping every other one.
            var scheduled = NumericRangeQuery.NewInt64Range(ArticleDocument.PublishedField, nowUtc.Ticks, null, false, true);
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
        var title = doc.Get(SearchQueryBuilder.Title, CultureInfo.InvariantCulture) ?? "";
        var body = doc.Get(SearchQueryBuilder.Body, CultureInfo.InvariantCulture) ?? "";
        var summary = doc.Get(SearchQueryBuilder.Summary, CultureInfo.InvariantCulture) ?? "";
        return new SearchHit(
            int.Parse(doc.Get(ArticleDocument.IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            doc.Get(ArticleDocument.SlugField, CultureInfo.InvariantCulture),
            highlighter.Title(title, terms),
            highlighter.Excerpt(body, summary, terms),
            new DateTime(doc.GetField(ArticleDocument.PublishedField).GetInt64Value() ?? 0, DateTimeKind.Utc),
            doc.Get(SearchQueryBuilder.Category, CultureInfo.InvariantCulture) ?? "",
            doc.Get(ArticleDocument.CategorySlugField, CultureInfo.InvariantCulture) ?? "");
    }
}
