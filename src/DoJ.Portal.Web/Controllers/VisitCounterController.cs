using DoJ.Portal.Web.Counting;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The "Thống kê lượt truy cập" widget on its own, so that a page served from the cache shows current
/// figures: site.js swaps them in after load. Shared for a couple of seconds; not a page view itself.
/// </summary>
public sealed class VisitCounterController : Controller
{
    [HttpGet(SiteUrls.VisitCounterWidget)]
    [OutputCache(PolicyName = PortalCaching.Counter)]
    public IActionResult Index() => ViewComponent("VisitCounter");
}
