using System.Net;
using System.Text.RegularExpressions;

namespace DoJ.Portal.Search;

/// <summary>Plain text of a stored (already sanitized) HTML body, for the index and excerpts.</summary>
public static partial class HtmlText
{
    public static string From(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withoutTags = Tags().Replace(html, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags);
        return Spaces().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
