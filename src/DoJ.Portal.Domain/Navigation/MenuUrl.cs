using System.Globalization;

namespace DoJ.Portal.Domain.Navigation;

/// <summary>
/// The addresses a menu item may hold: an absolute <c>http</c>/<c>https</c> URL, or a path on this site
/// starting with a single "/". Anything a browser could read as script or as another site is refused.
/// </summary>
public static class MenuUrl
{
    public static bool IsAcceptable(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MenuItem.UrlMaxLength || url.Any(IsHiddenOrSpace))
        {
            return false;
        }

        // Browsers read "\" as "/" in web addresses, so "/\evil.example" is another site.
        if (url.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            // "//evil.example" is protocol-relative: another site.
            return url.Length == 1 || url[1] != '/';
        }

        return (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            // "https://trusted.gov.vn@evil.example" shows one site and opens another.
            && uri.UserInfo.Length == 0;
    }

    /// <summary>
    /// Browsers drop tabs and line breaks inside addresses ("/&#9;/evil" becomes "//evil"), and invisible
    /// format characters (zero-width, bidirectional overrides) hide what a link says.
    /// </summary>
    private static bool IsHiddenOrSpace(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
