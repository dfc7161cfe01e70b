using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Settings;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Navigation;

/// <summary>Site-relative and absolute addresses of the public pages, in one place.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string configured = NormalizeBaseUrl(options.Value.BaseUrl);
    private volatile string baseUrl = NormalizeBaseUrl(options.Value.BaseUrl);

    public static string Article(int id, string slug) => $"/tin-tuc/{id}/{slug}";

    public static string Category(string slug) => $"/chuyen-muc/{slug}";

    public static string Page(string slug) => $"/trang/{slug}";

    public static string Day(DateOnly day) => $"/tin-theo-ngay/{day:yyyy-MM-dd}";

    /// <summary>The base URL in use: the site settings' when set, else <c>Site:BaseUrl</c>.</summary>
    public string BaseUrl => baseUrl;

    /// <summary>The configured <c>Site:BaseUrl</c>, used while the site settings leave it empty.</summary>
    public string ConfiguredBaseUrl => configured;

    /// <summary>Absolute URL from a site-relative path, on the base URL.</summary>
    public string Absolute(string path) => baseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Called whenever the site settings are (re)loaded or saved.</summary>
    public void UseSettings(string? settingsBaseUrl) =>
        baseUrl = IsAcceptableBaseUrl(settingsBaseUrl) ? NormalizeBaseUrl(settingsBaseUrl!) : configured;

    /// <summary>An absolute http(s) address (the shared <see cref="WebAddress"/> rules) that is an origin, optionally with a path: no query or fragment.</summary>
    public static bool IsAcceptableBaseUrl(string? url) =>
        WebAddress.IsAbsoluteHttp(url)
        && url!.IndexOfAny(['?', '#']) < 0;

    /// <summary>Lower-case scheme and host, no trailing slash: <c>https://stp.hue.gov.vn</c>.</summary>
    public static string NormalizeBaseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : url.Trim().TrimEnd('/');
    }
}
