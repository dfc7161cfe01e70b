using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
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

/// <summary>
/// <c>/tim-kiem?q=…&amp;trang=N</c>: articles, documents of the register, static pages and answered questions, each labelled with
/// its kind; any text is accepted; it only ever reaches the analyzer.
/// </summary>
public sealed class SearchController(SearchIndex index, SearchContentRepository content, SiteSettingsCache settings, TimeProvider clock) : Controller
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
        var now = clock.GetUtcNow().UtcDateTime;
        var results = index.Search(query, page, site.SearchResultsPerPage, now);
        // The index is derived data: the database has the last word on what is public.
        var shown = results.Hits.Items;
        var (stillPublic, leadImages) = await StillPublicAsync(shown, now, cancellationToken);
        var hits = shown.Where(h => stillPublic.Contains((h.Kind, h.Id))).ToList();
        var removed = shown.Count - hits.Count;
        var checkedHits = new PagedList<SearchHit>(hits, results.Hits.PageNumber, results.Hits.PageSize, results.Hits.TotalCount - removed);
        if (checkedHits.IsPastEnd && checkedHits.TotalCount > 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new SearchViewModel(query, results with
        {
            Hits = checkedHits,
            // "More than 10,000" stays so when a hit or two of the page is no longer public.
            TotalMatches = results.MoreMatches ? results.TotalMatches : Math.Max(checkedHits.TotalCount, results.TotalMatches - removed),
        }, null)
        {
            LeadImages = leadImages,
        });
    }

    /// <summary>The hits of the page that are public now, each checked with the rule of its kind, and the articles' lead images.</summary>
    private async Task<(HashSet<(ContentKind, int)> Public, Dictionary<int, ArticleLeadImage?> LeadImages)> StillPublicAsync(IReadOnlyList<SearchHit> hits, DateTime nowUtc, CancellationToken cancellationToken)
    {
        List<int> Ids(ContentKind kind) => hits.Where(h => h.Kind == kind).Select(h => h.Id).ToList();
        var articles = Ids(ContentKind.Article) is { Count: > 0 } a ? await content.Articles.FilterPublicAsync(a, cancellationToken) : [];
        var documents = await content.FilterPublicDocumentsAsync(Ids(ContentKind.Document), nowUtc, cancellationToken);
        var pages = await content.FilterPublishedPagesAsync(Ids(ContentKind.Page), cancellationToken);
        var questions = await content.FilterPublicQuestionsAsync(Ids(ContentKind.Question), nowUtc, cancellationToken);
        return (
        [
            .. articles.Keys.Select(id => (ContentKind.Article, id)),
            .. documents.Select(id => (ContentKind.Document, id)),
            .. pages.Select(id => (ContentKind.Page, id)),
            .. questions.Select(id => (ContentKind.Question, id)),
        ], articles);
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
