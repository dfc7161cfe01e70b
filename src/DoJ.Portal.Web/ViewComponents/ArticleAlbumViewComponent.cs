using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// The album an article names (<c>Article.AlbumId</c>), under its body: title, a few photos, a link to the album; only
/// when the album is public. Which album an article names is kept in memory (no query for the many articles without
/// one); the article's and the album's changes evict it.
/// </summary>
public sealed class ArticleAlbumViewComponent(AlbumRepository albums, IMemoryCache cache, TimeProvider clock) : ViewComponent
{
    /// <summary>How many photos the block shows; the album's page has them all.</summary>
    public const int PhotoCount = 6;

    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var albumId = await cache.GetOrCreateAsync(CacheKeys.ArticleAlbum(articleId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await albums.AlbumIdOfArticleAsync(articleId, HttpContext.RequestAborted);
        });
        if (albumId is not { } id)
        {
            return Content("");
        }

        // Publishing, editing or unpublishing the album changes this page.
        PageTags.Tag(HttpContext, PageTags.Albums);
        var album = await albums.GetPublicAsync(id, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        return album is null ? Content("") : View(album);
    }
}
