using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Services;

/// <summary>
/// The one place an admin save tells the public site that what it shows has changed. Each method names
/// the kind of change, not the caches behind it, so a new cache (an output cache, a shared store) is
/// wired here once and every save evicts it.
/// </summary>
public sealed class PublicCache(IMemoryCache cache)
{
    /// <summary>A menu item was added, changed, moved or removed.</summary>
    public void MenuChanged() => cache.Remove(CacheKeys.MainMenu);

    /// <summary>A category was added, renamed, hidden, reordered or removed: the menu shows categories.</summary>
    public void CategoriesChanged() => cache.Remove(CacheKeys.MainMenu);

    /// <summary>A link group or link changed: the "Liên kết website" sidebar.</summary>
    public void LinksChanged() => cache.Remove(CacheKeys.LinkGroups);

    /// <summary>The redirect table changed.</summary>
    public void RedirectsChanged() => cache.Remove(CacheKeys.Redirects);

    /// <summary>The site settings changed: header, footer, page sizes, the visit total.</summary>
    public void SettingsChanged() => cache.Remove(CacheKeys.SiteSettings);

    /// <summary>A static page changed: the menu links to pages by slug.</summary>
    public void PagesChanged() => cache.Remove(CacheKeys.MainMenu);
}
