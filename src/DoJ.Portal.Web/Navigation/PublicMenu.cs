using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// The public menu's rows, cached for <see cref="CacheKeys.LayoutLifetime"/> and evicted by <see cref="PublicCache"/> on a
/// menu, category or page change: the layout's menu and the home page's category blocks read the same cached rows.
/// </summary>
public sealed class PublicMenu(ContentRepository content, IMemoryCache cache)
{
    public async Task<IReadOnlyList<MenuEntry>> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync<IReadOnlyList<MenuEntry>>(CacheKeys.MainMenu, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await content.ListPublicMenuAsync(cancellationToken);
        }))!;

    /// <summary>The categories the menu shows, in menu order.</summary>
    public async Task<List<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        ContentRepository.MenuCategories(await GetAsync(cancellationToken));
}
