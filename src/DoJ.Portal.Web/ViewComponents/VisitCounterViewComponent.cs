using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// "Thống kê lượt truy cập": stored visits + the starting total carried over from the old portal + this
/// instance's visits not yet written, so the number never goes backwards; visitors now across all instances,
/// with this instance's visitors not yet written and the reader of this page (see docs/visit-counter.md).
/// </summary>
public sealed class VisitCounterViewComponent(CounterRepository counters, VisitCounter counter, BotDetector bots, SiteSettingsCache settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var site = await settings.GetAsync();
        var (visits, now) = await counter.WidgetFiguresAsync(counters, HttpContext.RequestAborted);
        var reader = VisitCountingMiddleware.MayCount(HttpContext, bots)
            ? await counter.IdentifyAsync(HttpContext.Connection.RemoteIpAddress, HttpContext.Request.Headers.UserAgent.ToString(), HttpContext.RequestAborted)
            : null;
        return View(new VisitCounterModel(site.StartingVisitTotal + visits + counter.PendingVisits, now + counter.UnsharedVisitorsNow(reader)));
    }
}
