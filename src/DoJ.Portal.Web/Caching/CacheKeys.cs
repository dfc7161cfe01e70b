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
    public static readonly TimeSpan LayoutLifetime = TimeSpan.FromMinutes(5);
}
