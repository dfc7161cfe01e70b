using System.Security.Claims;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(ArticleAdminRepository articles, CounterRepository counters, AuditRepository audit, TimeProvider clock) : AdminControllerBase
{
    [HttpGet(AdminUrls.Home)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var drafts = await articles.ListAsync(new ArticleAdminFilter(null, null, ArticleState.Draft, null, false, CreatedById: me), 1, 10, now, cancellationToken);
        var waiting = await articles.ListAsync(new ArticleAdminFilter(null, null, ArticleState.Submitted, null, false), 1, 10, now, cancellationToken);
        var latest = User.IsInRole(PortalRoles.Administrator)
            ? (await audit.ListAsync(new AuditFilter(null, null, null, null, null, null), 1, 10, cancellationToken)).Items
            : [];
        var today = VietnamTime.DayOf(now);
        var days = await counters.ListDailyAsync(today.AddDays(-29), today, cancellationToken);
        return View(new DashboardViewModel(
            await articles.CountByStateAsync(now, cancellationToken),
            drafts.Items,
            waiting.Items,
            latest,
            VisitChart.Build(days, today),
            now));
    }
}
