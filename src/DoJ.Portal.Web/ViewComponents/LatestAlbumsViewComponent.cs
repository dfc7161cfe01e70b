using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// "Thư viện ảnh" on the home page: the newest public albums; cached, every album change evicts it. The home view keeps
/// the rendered block too and tags the page (a fragment served from the cache does not run this component).
/// </summary>
public sealed class LatestAlbumsViewComponent(AlbumRepository albums, IMemoryCache cache, TimeProvider clock) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var latest = await cache.GetOrCreateAsync(CacheKeys.LatestAlbums, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await albums.ListLatestAsync(Count, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        });
        return View((IReadOnlyList<AlbumCard>?)latest ?? []);
    }
}
