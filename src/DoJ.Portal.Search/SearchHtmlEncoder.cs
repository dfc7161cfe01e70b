using System.Buffers;
using System.Text;
using Lucene.Net.Search.Highlight;

namespace DoJ.Portal.Search;

/// <summary>
/// HTML-encodes the text of a highlighted title or excerpt as the rest of the site is written: only
/// <c>&lt; &gt; &amp; " '</c> are escaped, Vietnamese letters stay UTF-8 text (Lucene's
/// <see cref="SimpleHTMLEncoder"/> writes every non-ASCII letter as a numeric reference).
/// </summary>
internal sealed class SearchHtmlEncoder : IEncoder
{
    public static readonly SearchHtmlEncoder Instance = new();

    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"'");

    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
