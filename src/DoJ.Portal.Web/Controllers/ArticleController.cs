using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

public sealed class ArticleController(ArticleRepository articles, LatestLists latest, AttachmentRepository attachments, SiteUrls urls, SiteSettingsCache settings) : Controller
{

    /// <summary><c>/tin-tuc/{id}</c> and a wrong slug answer 301 to the canonical <c>/tin-tuc/{id}/{slug}</c>.</summary>
    [HttpGet("/tin-tuc/{id:int}")]
    [HttpGet("/tin-tuc/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        var published = id > 0 ? await articles.GetPublishedAsync(id, cancellationToken) : null;
        if (published is null)
        {
            return NotFound();
        }

        var article = published.Article;

        var canonical = SiteUrls.Article(article.Id, article.Slug);
        if (slug != article.Slug)
        {
            return RedirectPermanent(canonical);
        }

        var others = await latest.OthersAsync(article.Id, article.CategoryId, published.Stamp, cancellationToken);
        var site = await settings.GetAsync(cancellationToken);
        // "Các tin khác" lists the category's articles: any publishing there changes it.
        PageTags.Tag(HttpContext, PageTags.Category(article.CategoryId));
        PageTags.TagArticles(HttpContext, others.Select(a => a.Id).Append(article.Id));
        var files = published.HasAttachments ? await attachments.ListForArticleAsync(article.Id, cancellationToken) : [];
        return View(new ArticleViewModel(article, others, urls.Absolute(canonical), StructuredData.NewsArticle(article, site, urls), files, published.HasLinkedDocuments, published.AlbumId));
    }
}
