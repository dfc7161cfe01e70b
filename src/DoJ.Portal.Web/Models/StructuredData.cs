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
        if (article.LeadImage is not null)
        {
            var image = DoJ.Portal.Web.Media.OpenGraphImage.Of(article.LeadImage);
            data["image"] = new Dictionary<string, object>
            {
                ["@type"] = "ImageObject",
                ["url"] = urls.Absolute(image.Path),
                ["width"] = image.Width,
                ["height"] = image.Height,
            };
        }

        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>A public question as schema.org <c>QAPage</c>: the question, its one (accepted) answer by the department; the asker by public name only.</summary>
    public static string QaPage(QuestionDetails question, SiteSettings site, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(urls);
        static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var url = urls.Absolute(SiteUrls.Question(question.Id, question.Slug));
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "QAPage",
            ["url"] = url,
            ["inLanguage"] = "vi",
            ["mainEntity"] = new Dictionary<string, object?>
            {
                ["@type"] = "Question",
                ["name"] = question.Title,
                ["text"] = question.Body,
                ["answerCount"] = 1,
                ["dateCreated"] = Time(question.ReceivedAtUtc),
                ["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = question.PublicAskerName ?? "Bạn đọc" },
                ["acceptedAnswer"] = new Dictionary<string, object?>
                {
                    ["@type"] = "Answer",
                    ["text"] = DoJ.Portal.Search.HtmlText.From(question.Answer),
                    ["dateCreated"] = Time(question.PublishedAtUtc),
                    ["url"] = url,
                    ["author"] = new Dictionary<string, object> { ["@type"] = "GovernmentOrganization", ["name"] = question.AnsweredByName is { Length: > 0 } by ? by : site.SiteName },
                },
            },
        };
        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>
    /// A document of the register as schema.org <c>Legislation</c>: its number, type, dates, issuing body and legal force
    /// on <paramref name="effect"/>'s day, and each file as a <c>MediaObject</c> encoding.
    /// </summary>
    public static string Legislation(DocumentDetails document, DoJ.Portal.Domain.Documents.LegalEffect effect, SiteSettings site, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(urls);
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var url = urls.Absolute(SiteUrls.Document(document.Id, document.Slug));
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Legislation",
            ["name"] = $"{document.DocumentType.Name} {document.Number}",
            ["legislationIdentifier"] = document.Number,
            ["legislationType"] = document.DocumentType.Name,
            ["legislationDate"] = Day(document.IssuedOn),
            ["legislationDateOfApplicability"] = Day(document.EffectiveOn ?? document.IssuedOn),
            ["legislationPassedBy"] = new Dictionary<string, object> { ["@type"] = "GovernmentOrganization", ["name"] = document.IssuingBody.Name },
            ["legislationLegalForce"] = effect == DoJ.Portal.Domain.Documents.LegalEffect.InEffect ? "https://schema.org/InForce" : "https://schema.org/NotInForce",
            ["abstract"] = document.Abstract,
            ["about"] = document.Field.Name,
            ["inLanguage"] = "vi",
            ["url"] = url,
            ["mainEntityOfPage"] = new Dictionary<string, object> { ["@type"] = "WebPage", ["@id"] = url },
            ["datePublished"] = document.PublishedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["dateModified"] = document.UpdatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["publisher"] = new Dictionary<string, object> { ["@type"] = "GovernmentOrganization", ["name"] = site.SiteName },
        };
        if (!string.IsNullOrEmpty(document.Signer))
        {
            data["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = document.Signer };
        }

        if (document.ExpiresOn is { } expires)
        {
            data["expires"] = Day(expires);
        }

        if (document.Files.Count > 0)
        {
            data["encoding"] = document.Files.Select(f => new Dictionary<string, object>
            {
                ["@type"] = "MediaObject",
                ["name"] = f.DisplayName,
                ["encodingFormat"] = DoJ.Portal.Domain.Files.FileKinds.ContentType(f.Kind),
                ["contentUrl"] = urls.Absolute(SiteUrls.File(f.StoredFileId, f.OriginalName)),
                ["contentSize"] = f.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToList();
        }

        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>A video as schema.org <c>VideoObject</c>: name, description, dates, poster, and the player or the file.</summary>
    public static string VideoObject(DoJ.Portal.Data.Repositories.VideoDetails video, string? posterPath, SiteSettings site, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.Absolute(SiteUrls.Video(video.Id, video.Slug));
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "VideoObject",
            ["name"] = video.Title,
            ["description"] = string.IsNullOrEmpty(video.Description) ? video.Title : video.Description,
            ["uploadDate"] = video.PublishedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["dateCreated"] = video.RecordedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["inLanguage"] = "vi",
            ["url"] = url,
            ["thumbnailUrl"] = urls.Absolute(posterPath ?? "/img/emblem.svg"),
            ["publisher"] = new Dictionary<string, object> { ["@type"] = "GovernmentOrganization", ["name"] = site.SiteName },
        };
        if (video.YouTubeId is { } youTube)
        {
            data["embedUrl"] = DoJ.Portal.Domain.Gallery.YouTubeAddress.EmbedUrl(youTube);
        }
        else
        {
            data["contentUrl"] = urls.Absolute(SiteUrls.VideoFile(video.Id));
            data["encodingFormat"] = "video/mp4";
        }

        return JsonSerializer.Serialize(data, Options);
    }
}
