using DoJ.Portal.Domain.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DoJ.Portal.Search;

/// <summary>
/// Replaces each term by its lower-case folded form (<see cref="VietnameseText.Fold"/>), in the term's own
/// buffer: folding works one character at a time and never lengthens a term.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public VietnameseFoldingFilter(TokenStream input)
        : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = term.Buffer;
        var length = term.Length;
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            if (VietnameseText.TryFold(buffer[i], out var folded))
            {
                buffer[kept++] = folded;
            }
        }

        term.Length = kept;
        return true;
    }
}
