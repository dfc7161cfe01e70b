using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

public sealed class HomeController(ArticleRepository articles, PublicMenu menu, SiteSettingsCache settings) : Controller
{
    public const int FeaturedCount = 4;
    public const int BlockSize = 4;

    [HttpGet("/")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
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

        PageTags.Tag(HttpContext, PageTags.Home);
        PageTags.TagArticles(HttpContext, featured.Concat(latest).Concat(blocks.SelectMany(b => b.Articles)).Select(a => a.Id));
        return View(new HomeViewModel(featured, latest, blocks));
    }
}
