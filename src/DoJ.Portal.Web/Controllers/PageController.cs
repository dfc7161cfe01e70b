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
    /// <summary>Demo static pages replaced by pages built from data (the leadership, the English page): 301 to those, whatever the database holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> MovedPages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["lanh-dao"] = Navigation.SiteUrls.Leadership,
        ["about-us"] = Navigation.SiteUrls.English,
    };

    [HttpGet("/trang/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        if (MovedPages.TryGetValue(slug, out var moved))
        {
            return RedirectPermanent(moved);
        }

        var page = Slug.IsWellFormed(slug) ? await content.FindPublishedPageAsync(slug, cancellationToken) : null;
        return page is null ? NotFound() : View(new StaticPageViewModel(page, await attachments.ListForPageAsync(page.Id, cancellationToken)));
    }
}
