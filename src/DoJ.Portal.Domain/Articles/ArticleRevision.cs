using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Domain.Articles;

/// <summary>A snapshot of an article as one save left it; every save keeps one.</summary>
public class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string? ThumbnailPath { get; set; }
    public int? LeadImageId { get; set; }
    public string LeadImageAlt { get; set; } = "";
    public string LeadImageCaption { get; set; } = "";
    public int? AlbumId { get; set; }
    public int CategoryId { get; set; }
    public string Author { get; set; } = "";
    public bool IsFeatured { get; set; }
    public ArticleStatus Status { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The attachments in order (<see cref="AttachmentSnapshot.Serialize"/>); set by the editor, which loads them.</summary>
    public string Attachments { get; set; } = "[]";

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";

    public static ArticleRevision Of(Article article, DateTime atUtc, string? userId, string userName) => new()
    {
        ArticleId = article.Id,
        Article = article,
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        Body = article.Body,
        ThumbnailPath = article.ThumbnailPath,
        LeadImageId = article.LeadImageId,
        LeadImageAlt = article.LeadImageAlt,
        LeadImageCaption = article.LeadImageCaption,
        AlbumId = article.AlbumId,
        CategoryId = article.CategoryId,
        Author = article.Author,
        IsFeatured = article.IsFeatured,
        Status = article.Status,
        PublishedAtUtc = article.PublishedAtUtc,
        CreatedAtUtc = atUtc,
        CreatedById = userId,
        CreatedByName = userName,
    };
}
