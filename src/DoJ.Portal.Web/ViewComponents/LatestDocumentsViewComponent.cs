using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// "Văn bản mới" on the home page: the newest public documents by date of issue. Kept like the albums block: every
/// document change, a scheduled one coming due and a renamed document type evict it (<see cref="PublicCache"/>), on
/// every instance; a home page miss then runs no query for it. The home view keeps the rendered block too and tags the
/// page (a fragment served from the cache does not run this component).
/// </summary>
public sealed class LatestDocumentsViewComponent(DocumentRepository documents, IMemoryCache cache) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var latest = await cache.GetOrCreateAsync(CacheKeys.LatestDocuments, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await documents.ListLatestAsync(Count, HttpContext.RequestAborted);
        });
        return View((IReadOnlyList<DocumentFeedItem>?)latest ?? []);
    }
}
