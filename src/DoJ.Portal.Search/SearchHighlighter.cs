using Lucene.Net.Search.Highlight;

namespace DoJ.Portal.Search;

/// <summary>
/// Marks the matched words in a hit's title and excerpt with &lt;mark&gt;. The encoder HTML-encodes all
/// text (<see cref="SearchHtmlEncoder"/>: markup characters only, letters stay UTF-8), so stored text
/// cannot inject markup; the analyzer's offsets point into the original text, so the
/// words are marked as they were written.
/// </summary>
internal sealed class SearchHighlighter(VietnameseAnalyzer analyzer)
{
    /// <summary>The whole title, its matched words marked.</summary>
    public string Title(string title, IReadOnlyList<string> terms) =>
        Highlight(SearchQueryBuilder.Title, title, terms, new NullFragmenter(), 1) ?? SearchHtmlEncoder.Encode(title);

    /// <summary>Up to two passages (about 200 characters each) of the body with a match, else the summary.</summary>
    public string Excerpt(string body, string summary, IReadOnlyList<string> terms) =>
        Highlight(SearchQueryBuilder.Body, body, terms, new SimpleFragmenter(200), 2)
        ?? Highlight(SearchQueryBuilder.Summary, summary, terms, new NullFragmenter(), 1)
        ?? SearchHtmlEncoder.Encode(summary);

    /// <summary>Null when nothing in <paramref name="text"/> is marked.</summary>
    private string? Highlight(string field, string text, IReadOnlyList<string> terms, IFragmenter fragmenter, int fragments)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var scorer = new QueryScorer(SearchQueryBuilder.ForHighlighting(field, terms), field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), SearchHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = SearchIndex.MaxHighlightChars,
        };
        using var stream = analyzer.GetTokenStream(field, text);
        var best = highlighter.GetBestFragments(stream, text, fragments, " … ");
        return string.IsNullOrEmpty(best) || !best.Contains("<mark>", StringComparison.Ordinal) ? null : best;
    }
}
