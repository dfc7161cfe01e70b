using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

public sealed class HomeController(ArticleRepository articles, ContentRepository content, SiteSettingsCache settings) : Controller
{
    public const int FeaturedCount = 4;
    public const int BlockSize = 4;

    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var featured = await articles.ListFeaturedAsync(FeaturedCount, cancellationToken);
        var latest = await articles.ListLatestPublishedAsync(site.HomeLatestCount, cancellationToken);
        var blocks = new List<CategoryBlock>();
        foreach (var category in await content.ListMenuCategoriesAsync(cancellationToken))
        {
            var items = await articles.ListLatestInCategoryAsync(category.Id, BlockSize, cancellationToken);
            if (items.Count > 0)
            {
                blocks.Add(new CategoryBlock(category, items));
            }
        }

        return View(new HomeViewModel(featured, latest, blocks));
    }
}
