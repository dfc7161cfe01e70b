using Microsoft.AspNetCore.Http;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// A portal deployed below a path of a host (<c>Site:BaseUrl</c> = <c>https://example.gov.vn/so-tu-phap</c>, the proxy
/// forwarding that prefix) answers there: the pipeline takes the prefix off the request path (<c>UsePathBase</c>) and
/// every site-relative address the portal writes (links, forms, scripts, redirects) gets it back from here.
/// </summary>
public static partial class PathPrefix
{
    /// <summary>The path of <paramref name="baseUrl"/> without its trailing slash: <c>/so-tu-phap</c>, or empty at the root of a host.</summary>
    public static string From(string? baseUrl) =>
        Uri.TryCreate(baseUrl?.Trim(), UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : "";

    /// <summary>
    /// A site-relative address (<c>/tin-tuc/…</c>) below <paramref name="pathBase"/>; anything else (absolute, protocol-relative,
    /// a fragment, <c>mailto:</c>) and every address when there is no prefix are returned as they are.
    /// </summary>
    public static string Apply(PathString pathBase, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return pathBase.HasValue && IsSiteRelative(url) ? pathBase.Value + url : url;
    }

    /// <summary>
    /// For a <c>Location</c> header: like <see cref="Apply"/>, unless the address is below the prefix already (the sign-in
    /// challenge's return address carries it). The prefix is therefore never one of the portal's own first segments.
    /// </summary>
    public static string ApplyOnce(PathString pathBase, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return pathBase.HasValue && IsSiteRelative(url) && !IsBelow(pathBase.Value!, url) ? pathBase.Value + url : url;
    }

    /// <summary>
    /// A stored body (sanitized HTML, attributes double-quoted) as shown below <paramref name="pathBase"/>: bodies keep
    /// site-relative addresses without the prefix (<c>/media/…</c>, <c>/trang/…</c>), so moving the portal changes no row.
    /// </summary>
    public static string InHtml(PathString pathBase, string html) =>
        pathBase.HasValue
            ? SrcSet().Replace(Attribute().Replace(html, m => m.Groups[1].Value + pathBase.Value + "/"),
                m => m.Groups[1].Value + SrcSetEntry().Replace(m.Groups[2].Value, e => e.Groups[1].Value + pathBase.Value + "/") + "\"")
            : html;

    /// <summary>A body from the editor, which shows (and uploads) prefixed addresses, as it is stored: without <paramref name="prefix"/>.</summary>
    public static string OutOfHtml(string prefix, string? html) =>
        string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(html)
            ? html ?? ""
            : html.Replace("href=\"" + prefix + "/", "href=\"/", StringComparison.OrdinalIgnoreCase)
                .Replace("src=\"" + prefix + "/", "src=\"/", StringComparison.OrdinalIgnoreCase)
                // Each candidate of a srcset (the editor's responsive images): "…/a-320.jpg 320w, …/a-640.jpg 640w".
                .Replace("srcset=\"" + prefix + "/", "srcset=\"/", StringComparison.OrdinalIgnoreCase)
                .Replace(", " + prefix + "/media/", ", /media/", StringComparison.OrdinalIgnoreCase);

    public static bool IsSiteRelative(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    [System.Text.RegularExpressions.GeneratedRegex("""(\b(?:href|src)=")/(?![/\\])""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Attribute();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\bsrcset="")([^""]*)""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SrcSet();

    /// <summary>A candidate of a srcset that starts with a site-relative address (at the start or after a comma).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""((?:^|,)\s*)/(?![/\\])""")]
    private static partial System.Text.RegularExpressions.Regex SrcSetEntry();

    private static bool IsBelow(string prefix, string url) =>
        url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (url.Length == prefix.Length || url[prefix.Length] is '/' or '?' or '#');
}
