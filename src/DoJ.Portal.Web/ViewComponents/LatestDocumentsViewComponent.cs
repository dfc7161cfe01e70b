using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Văn bản mới" on the home page: the newest public documents by date of issue.</summary>
public sealed class LatestDocumentsViewComponent(DocumentRepository documents) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The page that places it is evicted with the register's pages.
        PageTags.Tag(HttpContext, PageTags.Documents);
        return View(await documents.ListLatestAsync(Count, HttpContext.RequestAborted));
    }
}
