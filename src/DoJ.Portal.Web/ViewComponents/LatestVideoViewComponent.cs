using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Video" on the home page: the newest public video and a link to the list; nothing when there is none.</summary>
public sealed class LatestVideoViewComponent(VideoRepository videos) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The page that places it is evicted with the videos' pages.
        PageTags.Tag(HttpContext, PageTags.Videos);
        var latest = await videos.ListLatestAsync(1, HttpContext.RequestAborted);
        return latest.Count == 0 ? Content("") : View(latest[0]);
    }
}
