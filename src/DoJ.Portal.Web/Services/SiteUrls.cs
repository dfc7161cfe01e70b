using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Services;

/// <summary>Site-relative and absolute addresses of the public pages, in one place.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string baseUrl = options.Value.BaseUrl.TrimEnd('/');

    public static string Article(int id, string slug) => $"/tin-tuc/{id}/{slug}";

    public static string Category(string slug) => $"/chuyen-muc/{slug}";

    public static string Page(string slug) => $"/trang/{slug}";

    public static string Day(DateOnly day) => $"/tin-theo-ngay/{day:yyyy-MM-dd}";

    /// <summary>Absolute URL from a site-relative path, on the configured base URL.</summary>
    public string Absolute(string path) => baseUrl + (path.StartsWith('/') ? path : "/" + path);
}
