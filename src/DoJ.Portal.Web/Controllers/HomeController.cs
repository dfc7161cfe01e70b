using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

public sealed class HomeController(LatestLists latest) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (lists, categories) = await latest.GetAsync(cancellationToken);
        var blocks = categories
            .Where(c => lists.ByCategory.TryGetValue(c.Id, out var newest) && newest.Count > 0)
            .Select(c => new CategoryBlock(c, lists.ByCategory[c.Id].Take(LatestLists.BlockSize).ToList()))
            .ToList();

        PageTags.Tag(HttpContext, PageTags.Home);
        PageTags.TagArticles(HttpContext, lists.Featured.Concat(lists.Latest).Concat(blocks.SelectMany(b => b.Articles)).Select(a => a.Id));
        return View(new HomeViewModel(lists.Featured, lists.Latest, blocks));
    }
}
