using System.Linq.Expressions;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Domain.Articles;

/// <summary>A news, award or event report; its workflow is <see cref="PublishableContent"/>'s.</summary>
public class Article : PublishableContent, IAuditable, IConcurrencyStamped
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 100;
    public const int SummaryMaxLength = 1000;
    public const int AuthorMaxLength = 200;
    public const int ThumbnailMaxLength = 500;
    public const int LeadImageAltMaxLength = 300;
    public const int LeadImageCaptionMaxLength = 500;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Sanitized HTML (sanitized on write, never on read).</summary>
    public string Body { get; set; } = "";

    /// <summary>Legacy free-text thumbnail path of the replaced form; the lead image (<see cref="LeadImageId"/>) took its place.</summary>
    public string? ThumbnailPath { get; set; }

    /// <summary>The photo shown at the top of the article, on cards and in lists, and as og:image.</summary>
    public int? LeadImageId { get; set; }
    public Media? LeadImage { get; set; }

    /// <summary>Required with a lead image: what it shows (Thông tư 32/2017 asks for a text alternative).</summary>
    public string LeadImageAlt { get; set; } = "";

    public string LeadImageCaption { get; set; } = "";

    /// <summary>A photo album shown under the body.</summary>
    public int? AlbumId { get; set; }
    public Album? Album { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>The byline shown under the article (may differ from the account that typed it).</summary>
    public string Author { get; set; } = "";

    public bool IsFeatured { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public ICollection<ArticleRevision> Revisions { get; } = [];
    public ICollection<Attachment> Attachments { get; } = [];

    /// <summary>The one definition of "public": published, its time has come, not deleted.</summary>
    public static Expression<Func<Article, bool>> IsPublicAt(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= nowUtc;
}
