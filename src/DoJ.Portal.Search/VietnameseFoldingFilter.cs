using DoJ.Portal.Domain.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DoJ.Portal.Search;

/// <summary>
/// Replaces each term by its lower-case folded form (<see cref="VietnameseText.Fold"/>). Latin letters and combining
/// marks, all of Vietnamese, are folded one character at a time from a table built with that same method
/// (they never compose with each other once the marks are gone); any other term goes through it whole.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private static readonly string?[] Table = BuildTable();
    private readonly ICharTermAttribute term;

    public VietnameseFoldingFilter(TokenStream input)
        : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!TryFoldInPlace())
        {
            var folded = VietnameseText.Fold(term.ToString().ToLowerInvariant());
            term.SetEmpty().Append(folded);
        }

        return true;
    }

    /// <summary>Folds the term in its own buffer when every character is in the table (a folded character is never longer).</summary>
    private bool TryFoldInPlace()
    {
        var buffer = term.Buffer;
        var length = term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= Table.Length || Table[c] is null)
            {
                return false;
            }
        }

        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            foreach (var f in Table[buffer[i]]!)
            {
                buffer[kept++] = f;
            }
        }

        term.Length = kept;
        return true;
    }

    /// <summary>Basic Latin to Latin Extended-B, the combining marks and Latin Extended Additional (ạ…ỹ): each one's fold, at most one character.</summary>
    private static string?[] BuildTable()
    {
        var table = new string?[0x1F00];
        foreach (var (first, last) in new[] { (0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF) })
        {
            for (var c = first; c <= last; c++)
            {
                var folded = VietnameseText.Fold(char.ToLowerInvariant((char)c).ToString());
                table[c] = folded.Length <= 1 ? folded : null;
            }
        }

        return table;
    }
}
