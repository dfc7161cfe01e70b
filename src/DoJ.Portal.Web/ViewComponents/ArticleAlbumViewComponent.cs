using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// The album an article names (<c>Article.AlbumId</c>, read with the article), under its body: title, a few photos, a
/// link to the album; only when the album is public. The album's changes evict the pages of the articles naming it.
/// </summary>
public sealed class ArticleAlbumViewComponent(AlbumRepository albums, TimeProvider clock) : ViewComponent
{
    /// <summary>How many photos the block shows; the album's page has them all.</summary>
    public const int PhotoCount = 6;

    public async Task<IViewComponentResult> InvokeAsync(int albumId)
    {
        // Publishing, editing or unpublishing the album changes this page.
        PageTags.Tag(HttpContext, PageTags.Albums);
        var album = await albums.GetPublicAsync(albumId, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        return album is null ? Content("") : View(album);
    }
}
