using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Controllers;

/// <summary><c>/tim-kiem?q=…&amp;trang=N</c>: any text is accepted; it only ever reaches the analyzer.</summary>
public sealed class SearchController(SearchIndex index, ArticleRepository articles, SiteSettingsCache settings, TimeProvider clock) : Controller
{
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    [HttpGet("/tim-kiem")]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    [OutputCache(PolicyName = PortalCaching.Search)]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var query = SearchText.Clean(q);
        PageTags.Tag(HttpContext, PageTags.Search);
        if (query.Length == 0)
        {
            return View(SearchViewModel.Empty(query));
        }

        if (!await WaitUntilReadyAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View(SearchViewModel.Unavailable(query));
        }

        var site = await settings.GetAsync(cancellationToken);
        var results = index.Search(query, page, site.SearchResultsPerPage, clock.GetUtcNow().UtcDateTime);
        // The index is derived data: the database has the last word on what is public.
        var ids = results.Hits.Items.Select(h => h.Id).ToList();
        var stillPublic = await articles.FilterPublicAsync(ids, cancellationToken);
        var hits = results.Hits.Items.Where(h => stillPublic.Contains(h.Id)).ToList();
        var checkedHits = new PagedList<SearchHit>(hits, results.Hits.PageNumber, results.Hits.PageSize, results.Hits.TotalCount - (ids.Count - hits.Count));
        if (checkedHits.IsPastEnd && checkedHits.TotalCount > 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new SearchViewModel(query, results with { Hits = checkedHits, TotalMatches = Math.Max(checkedHits.TotalCount, results.TotalMatches - (ids.Count - hits.Count)) }, null));
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await index.WhenReady.WaitAsync(ReadyWait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
