using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

public sealed class HomeController(ArticleRepository articles, PublicMenu menu, SiteSettingsCache settings) : Controller
{
    public const int FeaturedCount = 4;
    public const int BlockSize = 4;

    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var featured = await articles.ListFeaturedAsync(FeaturedCount, cancellationToken);
        var latest = await articles.ListLatestPublishedAsync(site.HomeLatestCount, cancellationToken);
        var categories = await menu.CategoriesAsync(cancellationToken);
        var newest = await articles.ListLatestInCategoriesAsync(categories.Select(c => c.Id).ToList(), BlockSize, cancellationToken);
        var blocks = categories
            .Where(c => newest.ContainsKey(c.Slug))
            .Select(c => new CategoryBlock(c, newest[c.Slug]))
            .ToList();
        return View(new HomeViewModel(featured, latest, blocks));
    }
}
