using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Models;

/// <summary>schema.org JSON-LD for search engines, safe to place inside a &lt;script&gt; data block.</summary>
public static class StructuredData
{
    // Keeps Vietnamese readable but still escapes <, >, & and quotes, so "</script>" can never close the block.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string NewsArticle(ArticleDetails article, SiteSettings site, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.Absolute(SiteUrls.Article(article.Id, article.Slug));
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["datePublished"] = article.PublishedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["dateModified"] = article.UpdatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["inLanguage"] = "vi",
            ["articleSection"] = article.CategoryName,
            ["mainEntityOfPage"] = new Dictionary<string, object> { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = article.Author },
            ["publisher"] = new Dictionary<string, object>
            {
                ["@type"] = "GovernmentOrganization",
                ["name"] = site.SiteName,
                ["logo"] = new Dictionary<string, object> { ["@type"] = "ImageObject", ["url"] = urls.Absolute("/img/emblem.svg") },
            },
        };
        if (article.ThumbnailPath is not null)
        {
            data["image"] = urls.Absolute(article.ThumbnailPath);
        }

        return JsonSerializer.Serialize(data, Options);
    }
}
