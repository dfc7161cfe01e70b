using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Static pages: Giới thiệu, Liên hệ, About us, the privacy notice.</summary>
public sealed class PageController(ContentRepository content, AttachmentRepository attachments) : Controller
{
    [HttpGet("/trang/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = Slug.IsWellFormed(slug) ? await content.FindPublishedPageAsync(slug, cancellationToken) : null;
        return page is null ? NotFound() : View(new StaticPageViewModel(page, await attachments.ListForPageAsync(page.Id, cancellationToken)));
    }
}
