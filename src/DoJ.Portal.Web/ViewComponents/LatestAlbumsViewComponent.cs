using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Thư viện ảnh" on the home page: the newest public albums.</summary>
public sealed class LatestAlbumsViewComponent(AlbumRepository albums, TimeProvider clock) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        PageTags.Tag(HttpContext, PageTags.Albums);
        return View(await albums.ListLatestAsync(Count, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted));
    }
}
