using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The album an article names (<c>Article.AlbumId</c>), under its body: title, a few photos, a link to the album; only when the album is public.</summary>
public sealed class ArticleAlbumViewComponent(AlbumRepository albums, TimeProvider clock) : ViewComponent
{
    /// <summary>How many photos the block shows; the album's page has them all.</summary>
    public const int PhotoCount = 6;

    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var (named, album) = await albums.ForArticleAsync(articleId, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        if (named)
        {
            // Publishing, editing or unpublishing the album changes this page.
            PageTags.Tag(HttpContext, PageTags.Albums);
        }

        return album is null ? Content("") : View(album);
    }
}
