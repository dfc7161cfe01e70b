using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// "Video" on the home page: the newest public video and a link to the list; nothing when there is none. Kept like the
/// albums block: every video change and a scheduled one coming due evict it (<see cref="PublicCache.VideoChangedAsync"/>).
/// The home view keeps the rendered block too and tags the page (a fragment served from the cache does not run this component).
/// </summary>
public sealed class LatestVideoViewComponent(VideoRepository videos, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var latest = await cache.GetOrCreateAsync(CacheKeys.LatestVideo, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await videos.ListLatestAsync(1, HttpContext.RequestAborted);
        });
        return latest is { Count: > 0 } ? View(latest[0]) : Content("");
    }
}
