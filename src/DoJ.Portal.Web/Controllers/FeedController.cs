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

/// <summary>RSS 2.0 feeds and robots.txt (which names the sitemap, <see cref="SitemapController"/>): the same public articles as the pages, absolute URLs from the base URL.</summary>
public sealed class FeedController(ArticleRepository articles, ContentRepository content, DocumentRepository documents, QuestionRepository questions, SiteSettingsCache settings, SiteUrls urls) : Controller
{
    public const int FeedSize = 20;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

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

        Sitemap: {urls.Absolute(SiteUrls.Sitemap)}

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
