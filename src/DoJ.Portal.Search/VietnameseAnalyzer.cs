using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace DoJ.Portal.Search;

/// <summary>
/// The one analyzer for indexing and querying: Unicode word tokens (UAX #29 keeps a syllable and its
/// combining marks together, so NFD text tokenizes like NFC), then lower case and Vietnamese folding
/// (every tone and vowel mark removed, đ → d). Offsets still point into the original text, so the
/// highlighter marks the words as they were written, with their diacritics. The pair fields
/// (<see cref="SearchQueryBuilder.TitlePairs"/>, <see cref="SearchQueryBuilder.TextPairs"/>) hold each
/// two adjacent folded words as one term ("ho tich"), so a phrase is found without reading positions
/// of common words.
/// </summary>
public sealed class VietnameseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Between two values of one field (summary and body in the pair field): no phrase spans them.</summary>
    public const int ValueGap = 100;

    /// <summary>Joins the two words of a pair term; no word contains a space.</summary>
    public const string PairSeparator = " ";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        // The folding filter lower-cases too (Lucene.NET's LowerCaseFilter cost a fifth of a search request).
        TokenStream stream = new VietnameseFoldingFilter(tokenizer);
        if (fieldName is SearchQueryBuilder.TitlePairs or SearchQueryBuilder.TextPairs)
        {
            // A skipped over-long word leaves a gap, filled with an empty word: no pair spans it.
            var pairs = new ShingleFilter(stream, 2, 2);
            pairs.SetOutputUnigrams(false);
            pairs.SetTokenSeparator(PairSeparator);
            pairs.SetFillerToken("");
            stream = pairs;
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <summary>The folded terms of a text, as the index holds them.</summary>
    public IReadOnlyList<string> Terms(string field, string text, int max)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < max && stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
