using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

public sealed class HomeController(ArticleRepository articles, SiteSettingsCache settings) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var latest = await articles.ListLatestPublishedAsync(site.HomeLatestCount, cancellationToken);
        return View(new HomeViewModel(latest));
    }
}
