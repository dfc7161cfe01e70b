using System.Globalization;
using System.Text;
using System.Xml;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>RSS 2.0 feeds, the sitemap and robots.txt: the same public articles as the pages, absolute URLs from the base URL.</summary>
public sealed class FeedController(ArticleRepository articles, ContentRepository content, DocumentRepository documents, AlbumRepository albums, VideoRepository videos, QuestionRepository questions, SiteSettingsCache settings, SiteUrls urls, TimeProvider clock) : Controller
{
    public const int FeedSize = 20;

    /// <summary>Sitemaps hold at most 50,000 URLs; the newest articles fill what the other pages leave.</summary>
    public const int SitemapArticleLimit = 49_000;

    /// <summary>The register's documents in the sitemap, newest first; the articles' share shrinks by as many.</summary>
    public const int SitemapDocumentLimit = 10_000;

    /// <summary>The most videos listed; the articles' share shrinks by as many.</summary>
    public const int SitemapVideoLimit = 1_000;

    /// <summary>Public photo albums in the sitemap, newest first; the articles' share shrinks by as many.</summary>
    public const int SitemapAlbumLimit = 5_000;

    /// <summary>Public questions in the sitemap, newest answered first; the articles' share shrinks by as many.</summary>
    public const int SitemapQuestionLimit = 5_000;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/rss")]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public Task<IActionResult> All(CancellationToken cancellationToken) => FeedAsync(null, cancellationToken);

    [HttpGet("/rss/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> ForCategory(string slug, CancellationToken cancellationToken)
    {
        var category = Slug.IsWellFormed(slug) ? await content.FindCategoryAsync(slug, cancellationToken) : null;
        return category is null ? NotFound() : await FeedAsync(category, cancellationToken);
    }

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var categories = await content.ListCategoriesAsync(cancellationToken);
        var pages = await content.ListPublishedPagesAsync(cancellationToken);
        var registered = await documents.ListForSitemapAsync(SitemapDocumentLimit, cancellationToken);
        var videoItems = await videos.ListLatestAsync(SitemapVideoLimit, cancellationToken);
        var albumList = await albums.ListForSitemapAsync(SitemapAlbumLimit, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var questionList = await questions.ListLatestAsync(SitemapQuestionLimit, cancellationToken);
        var items = await articles.ListForFeedAsync(null, SitemapArticleLimit - registered.Count - videoItems.Count - albumList.Count - questionList.Count, cancellationToken);
        // The agency pages (procedures directory, officials, English page): a few hundred rows at most, within the articles' slack.
        var procedures = await HttpContext.RequestServices.GetRequiredService<AgencyRepository>().ListAllProceduresAsync(cancellationToken);
        PageTags.Tag(HttpContext, PageTags.Sitemap);
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            WriteUrl(writer, "/", items.Count > 0 ? items[0].UpdatedAtUtc : null);
            foreach (var c in categories)
            {
                WriteUrl(writer, SiteUrls.Category(c.Slug), null);
            }

            foreach (var p in pages)
            {
                WriteUrl(writer, SiteUrls.Page(p.Slug), p.UpdatedAtUtc);
            }

            foreach (var a in items)
            {
                WriteUrl(writer, SiteUrls.Article(a.Id, a.Slug), a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc);
            }

            WriteUrl(writer, SiteUrls.Documents, registered.Count > 0 ? registered.Max(d => d.UpdatedAtUtc > d.PublishedAtUtc ? d.UpdatedAtUtc : d.PublishedAtUtc) : null);
            foreach (var d in registered)
            {
                WriteUrl(writer, SiteUrls.Document(d.Id, d.Slug), d.UpdatedAtUtc > d.PublishedAtUtc ? d.UpdatedAtUtc : d.PublishedAtUtc);
            }

            if (videoItems.Count > 0)
            {
                WriteUrl(writer, SiteUrls.Videos, videoItems.Max(v => v.UpdatedAtUtc > v.PublishedAtUtc ? v.UpdatedAtUtc : v.PublishedAtUtc));
                foreach (var v in videoItems)
                {
                    WriteUrl(writer, SiteUrls.Video(v.Id, v.Slug), v.UpdatedAtUtc > v.PublishedAtUtc ? v.UpdatedAtUtc : v.PublishedAtUtc);
                }
            }

            WriteUrl(writer, SiteUrls.Albums, albumList.Count > 0 ? albumList.Max(a => a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc) : null);
            foreach (var a in albumList)
            {
                WriteUrl(writer, SiteUrls.Album(a.Id, a.Slug), a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc);
            }

            WriteUrl(writer, SiteUrls.Questions, questionList.Count > 0 ? questionList.Max(q => q.UpdatedAtUtc > q.PublishedAtUtc ? q.UpdatedAtUtc : q.PublishedAtUtc) : null);
            foreach (var q in questionList)
            {
                WriteUrl(writer, SiteUrls.Question(q.Id, q.Slug), q.UpdatedAtUtc > q.PublishedAtUtc ? q.UpdatedAtUtc : q.PublishedAtUtc);
            }

            WriteUrl(writer, SiteUrls.Procedures, procedures.Count > 0 ? procedures.Max(p => p.UpdatedAtUtc) : null);
            foreach (var p in procedures)
            {
                WriteUrl(writer, SiteUrls.Procedure(p.Id, p.Slug), p.UpdatedAtUtc);
            }

            foreach (var agencyPage in new[] { SiteUrls.Leadership, SiteUrls.ContactOfficials, SiteUrls.English })
            {
                WriteUrl(writer, agencyPage, null);
            }

            writer.WriteEndElement();
        }, "application/xml");
    }

    /// <summary>The register's newly published documents (RSS 2.0).</summary>
    [HttpGet(SiteUrls.DocumentsFeed)]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var items = await documents.ListNewlyPublishedAsync(FeedSize, cancellationToken);
        PageTags.Tag(HttpContext, PageTags.Feeds, PageTags.Documents);
        return Rss(
            new FeedChannel($"Văn bản mới – {site.SiteName}", SiteUrls.Documents, $"Văn bản mới của {site.SiteName}", SiteUrls.DocumentsFeed),
            items.Select(i => new FeedItem($"{i.DocumentTypeName} {i.Number}", SiteUrls.Document(i.Id, i.Slug), i.PublishedAtUtc, i.UpdatedAtUtc, i.DocumentTypeName, i.Abstract)));
    }

    /// <summary>The newly answered questions (RSS 2.0): title, field and the question; never the asker.</summary>
    [HttpGet(SiteUrls.QuestionsFeed)]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> Questions(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var items = await questions.ListLatestAsync(FeedSize, cancellationToken);
        PageTags.Tag(HttpContext, PageTags.Feeds, PageTags.Questions);
        return Rss(
            new FeedChannel($"Hỏi đáp pháp luật – {site.SiteName}", SiteUrls.Questions, $"Câu hỏi pháp luật được {site.SiteName} trả lời", SiteUrls.QuestionsFeed),
            items.Select(i => new FeedItem(i.Title, SiteUrls.Question(i.Id, i.Slug), i.PublishedAtUtc, i.UpdatedAtUtc, i.FieldName, i.Body)));
    }

    /// <summary>Under a path prefix the rules name the prefixed addresses (a host's robots.txt may include these lines).</summary>
    [HttpGet("/robots.txt")]
    public IActionResult Robots() => Content(
        $"""
        User-agent: *
        Disallow: {Request.PathBase}{AdminUrls.Home}/
        Disallow: {Request.PathBase}{SiteUrls.Account}/
        Disallow: {Request.PathBase}/tim-kiem
        Disallow: {Request.PathBase}{SiteUrls.LinkOut}

        Sitemap: {urls.Absolute("/sitemap.xml")}

        """,
        "text/plain",
        Encoding.UTF8);

    private async Task<IActionResult> FeedAsync(CategorySummary? category, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var items = await articles.ListForFeedAsync(category?.Id, FeedSize, cancellationToken);
        PageTags.Tag(HttpContext, category is null ? PageTags.Feeds : PageTags.Category(category.Id));
        PageTags.TagArticles(HttpContext, items.Select(a => a.Id));
        var selfPath = category is null ? "/rss" : $"/rss/{category.Slug}";
        return Rss(
            new FeedChannel(category is null ? site.SiteName : $"{category.Name} – {site.SiteName}", category is null ? "/" : SiteUrls.Category(category.Slug),
                category?.Description is { Length: > 0 } d ? d : $"Tin tức của {site.SiteName}", selfPath),
            items.Select(i => new FeedItem(i.Title, SiteUrls.Article(i.Id, i.Slug), i.PublishedAtUtc, i.UpdatedAtUtc, i.CategoryName, i.Summary)));
    }

    /// <summary>A feed's channel: its title, the page it stands for, its description and its own address (site-relative).</summary>
    private sealed record FeedChannel(string Title, string Page, string Description, string Self);

    /// <summary>One item of a feed; <see cref="Description"/> is plain text (see <see cref="HtmlText"/>).</summary>
    private sealed record FeedItem(string Title, string Path, DateTime PublishedAtUtc, DateTime UpdatedAtUtc, string Category, string Description);

    /// <summary>Every feed of the site in one shape: RSS 2.0 with an atom self link, absolute links from the base URL.</summary>
    private ContentResult Rss(FeedChannel channel, IEnumerable<FeedItem> feedItems)
    {
        var items = feedItems.ToList();
        return Xml(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", XmlText(channel.Title));
            writer.WriteElementString("link", urls.Absolute(channel.Page));
            writer.WriteElementString("description", HtmlText(channel.Description));
            writer.WriteElementString("language", "vi");
            writer.WriteStartElement("atom", "link", AtomNamespace);
            writer.WriteAttributeString("href", urls.Absolute(channel.Self));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (items.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.UpdatedAtUtc > i.PublishedAtUtc ? i.UpdatedAtUtc : i.PublishedAtUtc)));
            }

            foreach (var item in items)
            {
                var link = urls.Absolute(item.Path);
                writer.WriteStartElement("item");
                writer.WriteElementString("title", XmlText(item.Title));
                writer.WriteElementString("link", link);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(link);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", Rfc822(item.PublishedAtUtc));
                writer.WriteElementString("category", XmlText(item.Category));
                writer.WriteElementString("description", HtmlText(item.Description));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }, "application/rss+xml");
    }

    private void WriteUrl(XmlWriter writer, string path, DateTime? lastModifiedUtc)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", urls.Absolute(path));
        if (lastModifiedUtc is { } modified)
        {
            writer.WriteElementString("lastmod", modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Readers render a description as HTML (RSS 2.0: "entity-encoded HTML"), but a summary is plain text: its
    /// markup characters are escaped once more, so <c>&lt;img onerror=…&gt;</c> in a summary reaches them as text.
    /// </summary>
    private static string HtmlText(string text) => XmlText(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The text without the characters XML 1.0 forbids (most control characters), which would break the whole feed.</summary>
    private static string XmlText(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i++, 2);
            }
        }

        return builder.ToString();
    }

    private static string Rfc822(DateTime utc) => utc.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private ContentResult Xml(Action<XmlWriter> write, string contentType)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        var xml = builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Content(xml, contentType + "; charset=utf-8", Encoding.UTF8);
    }
}
