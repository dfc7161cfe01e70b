using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Turns analyzed terms (never raw user text: no query parser is involved, so quotes, brackets,
/// <c>*</c>, <c>:</c> or a lone <c>-</c> are just characters) into a <see cref="SearchPlan"/>.
/// An article matches when every word occurs in its title, summary, body or category. Its rank is
/// given by four flags compared in this order: the phrase in the title (T1) › the phrase in the summary
/// or body (T2) › the words close together (T3: within <see cref="CloseSlop"/> in the title or summary,
/// or T1 or T2) › every word in the title (T4); ties go to the newest. Each combination of flags is one
/// level, so a page is filled from the first levels and the rest are never evaluated. A phrase is found
/// through the pair fields (two adjacent words as one term), so common words cost no position reads.
/// </summary>
public static class SearchQueryBuilder
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Category = "category";

    /// <summary>Title, summary, body and category as one field, for "every word occurs somewhere".</summary>
    public const string All = "all";

    /// <summary>Adjacent word pairs of the title.</summary>
    public const string TitlePairs = "title2";

    /// <summary>Adjacent word pairs of the summary and of the body (two values: no pair spans them).</summary>
    public const string TextPairs = "text2";

    public const int CloseSlop = 3;

    /// <param name="terms">Folded terms in the order typed.</param>
    /// <param name="requireAll">Every word must occur somewhere (the normal case); false finds articles with any of them.</param>
    public static SearchPlan Plan(IReadOnlyList<string> terms, bool requireAll)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return requireAll ? AllWords(terms) : AnyWord(terms.Distinct(StringComparer.Ordinal).ToList());
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

    private static SearchPlan AllWords(IReadOnlyList<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var matches = Every(All, distinct);
        if (terms.Count == 1)
        {
            var inTitle = new TermQuery(new Term(Title, terms[0]));
            var inText = AnyOf(new TermQuery(new Term(Summary, terms[0])), new TermQuery(new Term(Body, terms[0])));
            // One word: "every word in the title" is the phrase in the title, and "close" does not apply.
            return new SearchPlan(matches,
            [
                Level(matches, [inTitle, inText], []),
                Level(matches, [inTitle], [inText]),
                Level(matches, [inText], [inTitle]),
                Level(matches, [], [inTitle, inText]),
            ]);
        }

        // The phrase in the title implies every word in it and close; the phrase in the text implies close.
        var phraseInTitle = Phrase(TitlePairs, terms);
        var phraseInText = Phrase(TextPairs, terms);
        var allInTitle = Every(Title, distinct);
        var close = AnyOf(Sloppy(Title, terms), Sloppy(Summary, terms));
        return new SearchPlan(matches,
        [
            Level(matches, [phraseInTitle, phraseInText], []),
            Level(matches, [phraseInTitle], [phraseInText]),
            Level(matches, [phraseInText, allInTitle], [phraseInTitle]),
            Level(matches, [phraseInText], [phraseInTitle, allInTitle]),
            Level(matches, [close, allInTitle], [phraseInTitle, phraseInText]),
            Level(matches, [close], [phraseInTitle, phraseInText, allInTitle]),
            Level(matches, [allInTitle], [phraseInTitle, phraseInText, close]),
            Level(matches, [], [phraseInTitle, phraseInText, close, allInTitle]),
        ]);
    }

    /// <summary>No article has every word: those with more of them come first (level k has exactly k).</summary>
    private static SearchPlan AnyWord(List<string> distinct)
    {
        var levels = new List<Query>();
        for (var k = distinct.Count; k >= 1; k--)
        {
            levels.Add(Level(AtLeast(distinct, k), [], k < distinct.Count ? [AtLeast(distinct, k + 1)] : []));
        }

        return new SearchPlan(AtLeast(distinct, 1), levels);
    }

    private static BooleanQuery Level(Query matches, Query[] with, Query[] without)
    {
        var level = new BooleanQuery(disableCoord: true) { { matches, Occur.MUST } };
        foreach (var query in with)
        {
            level.Add(query, Occur.MUST);
        }

        foreach (var query in without)
        {
            level.Add(query, Occur.MUST_NOT);
        }

        return level;
    }

    /// <summary>Two or more words in this order, adjacent: the chain of their pairs (two words are one pair term).</summary>
    private static Query Phrase(string pairField, IReadOnlyList<string> terms)
    {
        if (terms.Count == 2)
        {
            return new TermQuery(new Term(pairField, Pair(terms, 0)));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            phrase.Add(new Term(pairField, Pair(terms, i)));
        }

        return phrase;
    }

    private static string Pair(IReadOnlyList<string> terms, int i) => terms[i] + VietnameseAnalyzer.PairSeparator + terms[i + 1];

    private static PhraseQuery Sloppy(string field, IReadOnlyList<string> terms)
    {
        var phrase = new PhraseQuery { Slop = CloseSlop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static BooleanQuery Every(string field, IEnumerable<string> terms)
    {
        var every = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            every.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return every;
    }

    private static BooleanQuery AtLeast(IReadOnlyList<string> terms, int count)
    {
        var query = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = count };
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(All, term)), Occur.SHOULD);
        }

        return query;
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
}
