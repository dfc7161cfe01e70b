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

    /// <summary>The home page's "Văn bản mới" block; evicted by every document change (<see cref="PublicCache.DocumentChangedAsync"/>).</summary>
    public const string LatestDocuments = "home:latest-documents";

    /// <summary>The home page's "Video" block; evicted by every video change (<see cref="PublicCache.VideoChangedAsync"/>).</summary>
    public const string LatestVideo = "home:latest-video";

    public static readonly TimeSpan LayoutLifetime = TimeSpan.FromMinutes(5);
}
