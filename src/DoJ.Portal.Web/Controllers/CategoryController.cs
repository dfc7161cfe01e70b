using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

public sealed class CategoryController(ArticleRepository articles, ContentRepository content, SiteSettingsCache settings) : Controller
{
    [HttpGet("/chuyen-muc/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Index(string slug, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var category = Slug.IsWellFormed(slug) ? await content.FindCategoryAsync(slug, cancellationToken) : null;
        if (category is null)
        {
            return NotFound();
        }

        var site = await settings.GetAsync(cancellationToken);
        var list = await articles.ListPublishedInCategoryAsync(category.Id, page, site.ArticlesPerPage, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        PageTags.Tag(HttpContext, PageTags.Category(category.Id));
        PageTags.TagArticles(HttpContext, list.Items.Select(a => a.Id));
        return View(new CategoryViewModel(category, list));
    }
}
