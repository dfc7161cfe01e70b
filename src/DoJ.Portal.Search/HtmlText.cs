using System.Buffers;
using System.Net;
using System.Text;

namespace DoJ.Portal.Search;

/// <summary>
/// Plain text of a stored (already sanitized) HTML body, for the index and excerpts: every tag (<c>&lt;</c> to the next
/// <c>&gt;</c>) becomes a space, entities are decoded, and each run of white space becomes one space, none at either end.
/// One scan per step instead of two regular expressions (they were a tenth of a rebuild's indexing time).
/// </summary>
public static class HtmlText
{
    public static string From(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withoutTags = WithoutTags(html);
        var decoded = withoutTags.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(withoutTags) : withoutTags;
        return SingleSpaced(decoded);
    }

    /// <summary>Each <c>&lt;</c> with a <c>&gt;</c> after it, up to that <c>&gt;</c>, replaced by a space; a <c>&lt;</c> without one stays.</summary>
    private static string WithoutTags(string html)
    {
        var open = html.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            return html;
        }

        var text = new StringBuilder(html.Length);
        var from = 0;
        while (open >= 0)
        {
            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            text.Append(html, from, open - from).Append(' ');
            from = close + 1;
            open = from < html.Length ? html.IndexOf('<', from) : -1;
        }

        return text.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>Runs of white space (as <see cref="char.IsWhiteSpace(char)"/>, the same set as the regular expression <c>\s</c>) made one space, trimmed.</summary>
    private static string SingleSpaced(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var space = false;
            var changed = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    // Anything but one plain space between two words changes the text.
                    changed |= c != ' ' || space || length == 0;
                    space = length > 0;
                    continue;
                }

                if (space)
                {
                    buffer[length++] = ' ';
                    space = false;
                }

                buffer[length++] = c;
            }

            return changed || space ? new string(buffer, 0, length) : text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
