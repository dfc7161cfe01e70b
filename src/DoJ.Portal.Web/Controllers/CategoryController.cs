using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

public sealed class CategoryController(ArticleRepository articles, ContentRepository content, SiteSettingsCache settings) : Controller
{
    [HttpGet("/chuyen-muc/{slug}")]
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

        return View(new CategoryViewModel(category, list));
    }
}
