using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>"Xem tin theo ngày": the articles of one Vietnam calendar day.</summary>
public sealed class DayArchiveController(ArticleRepository articles, SiteSettingsCache settings) : Controller
{
    /// <summary>The sidebar form sends <c>?ngay=dd/MM/yyyy</c> (or yyyy-MM-dd from a date field): redirect to the canonical URL.</summary>
    [HttpGet("/tin-theo-ngay")]
    public IActionResult FromForm([FromQuery] string? ngay) =>
        (VietnamTime.TryParseDate(ngay, out var day) || VietnamTime.TryParseIsoDate(ngay, out day)) && IsArchiveDay(day)
            ? RedirectPermanent(SiteUrls.Day(day))
            : BadRequest();

    [HttpGet("/tin-theo-ngay/{date}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Index(string date, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!VietnamTime.TryParseIsoDate(date, out var day) || !IsArchiveDay(day) || !PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var site = await settings.GetAsync(cancellationToken);
        var list = await articles.ListPublishedOnDayAsync(day, page, site.ArticlesPerPage, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        PageTags.Tag(HttpContext, PageTags.Day(day));
        PageTags.TagArticles(HttpContext, list.Items.Select(a => a.Id));
        return View(new DayArchiveViewModel(day, list));
    }

    /// <summary>From 2000 (the day picker's minimum) to 9998: the UTC range of year 1 or 9999 would leave <see cref="DateTime"/>.</summary>
    private static bool IsArchiveDay(DateOnly day) => day.Year is >= 2000 and <= 9998;
}
