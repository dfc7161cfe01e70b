using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DoJ.Portal.Web.Services.Search;

/// <summary>
/// Turns analyzed terms (never raw user text: no query parser is involved, so quotes, brackets,
/// <c>*</c>, <c>:</c> or a lone <c>-</c> are just characters) into a tiered query. Each tier is a
/// constant score, so ranking is explainable and stable:
/// phrase in the title (1000) › phrase in summary or body (300) › the words close together (100)
/// › every word in the title (30) › the words anywhere (1); ties are broken by newest first.
/// </summary>
public static class SearchQueryBuilder
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Category = "category";

    public const float PhraseInTitle = 1000;
    public const float PhraseInText = 300;
    public const float WordsClose = 100;
    public const float AllWordsInTitle = 30;
    public const int CloseSlop = 3;

    private static readonly string[] TextFields = [Title, Summary, Body, Category];

    /// <param name="terms">Folded terms in the order typed.</param>
    /// <param name="requireAll">Every word must occur somewhere (the normal case); false finds articles with any of them.</param>
    public static Query Build(IReadOnlyList<string> terms, bool requireAll)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var root = new BooleanQuery(disableCoord: true);

        var words = new BooleanQuery(disableCoord: true);
        foreach (var term in distinct)
        {
            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var field in TextFields)
            {
                anyField.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }

            // In "any word" mode each matched word adds a point, so articles with more of them come first.
            words.Add(requireAll ? anyField : Constant(anyField, 1), requireAll ? Occur.MUST : Occur.SHOULD);
        }

        root.Add(requireAll ? Constant(words, 1) : words, Occur.MUST);
        root.Add(Constant(Phrase(Title, terms, 0), PhraseInTitle), Occur.SHOULD);
        root.Add(Constant(AnyOf(Phrase(Summary, terms, 0), Phrase(Body, terms, 0)), PhraseInText), Occur.SHOULD);
        if (terms.Count > 1)
        {
            root.Add(Constant(AnyOf(Phrase(Title, terms, CloseSlop), Phrase(Summary, terms, CloseSlop), Phrase(Body, terms, CloseSlop)), WordsClose), Occur.SHOULD);
        }

        var allInTitle = new BooleanQuery(disableCoord: true);
        foreach (var term in distinct)
        {
            allInTitle.Add(new TermQuery(new Term(Title, term)), Occur.MUST);
        }

        root.Add(Constant(allInTitle, AllWordsInTitle), Occur.SHOULD);
        return root;
    }

    /// <summary>A plain query on one field, for the highlighter to find the words to mark.</summary>
    public static Query ForHighlighting(string field, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> terms, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static BooleanQuery AnyOf(params Query[] queries)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var query in queries)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    private static ConstantScoreQuery Constant(Query query, float boost) => new(query) { Boost = boost };
}
