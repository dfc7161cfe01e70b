namespace DoJ.Portal.Web.Caching;

/// <summary>Memory-cache keys of the layout's cached queries; admin saves evict them through <see cref="PublicCache"/>.</summary>
public static class CacheKeys
{
    public const string MainMenu = "layout:main-menu";
    public const string LinkGroups = "layout:link-groups";
    public const string Redirects = "redirects:table";
    public const string SiteSettings = "site-settings";

    /// <summary>The home page's "Thư viện ảnh" block; evicted by every album change (<see cref="PublicCache.AlbumChangedAsync"/>).</summary>
    public const string LatestAlbums = "home:latest-albums";

    /// <summary>The album an article names; evicted by the article's changes and its album's.</summary>
    public static string ArticleAlbum(int articleId) => "article-album:" + articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static readonly TimeSpan LayoutLifetime = TimeSpan.FromMinutes(5);
}
