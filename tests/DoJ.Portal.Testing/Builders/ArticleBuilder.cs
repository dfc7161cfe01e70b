using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Testing.Builders;

/// <summary><c>new ArticleBuilder().Published(at).Build()</c>: articles in any workflow position.</summary>
public sealed class ArticleBuilder
{
    private readonly Article article = new()
    {
        Title = "Hội nghị tổng kết công tác tư pháp",
        Slug = "hoi-nghi-tong-ket-cong-tac-tu-phap",
        Summary = "Tóm tắt",
        Body = "<p>Nội dung</p>",
        Author = "Phóng viên kiểm thử",
        Status = ArticleStatus.Draft,
    };

    /// <summary>The title, and a slug, summary and body made from it.</summary>
    public ArticleBuilder Titled(string title)
    {
        article.Title = title;
        article.Slug = Slug.From(title);
        article.Summary = "Tóm tắt " + title;
        article.Body = "<p>Nội dung " + WebUtility.HtmlEncode(title) + "</p>";
        return this;
    }

    public ArticleBuilder WithSlug(string slug)
    {
        article.Slug = slug;
        return this;
    }

    public ArticleBuilder InCategory(int categoryId)
    {
        article.CategoryId = categoryId;
        return this;
    }

    public ArticleBuilder Featured(bool featured = true)
    {
        article.IsFeatured = featured;
        return this;
    }

    public ArticleBuilder Published(DateTime atUtc)
    {
        article.Status = ArticleStatus.Published;
        article.PublishedAtUtc = atUtc;
        return this;
    }

    public ArticleBuilder WithStatus(ArticleStatus status)
    {
        article.Status = status;
        return this;
    }

    /// <summary>The publish time alone, whatever the status (null: never published nor scheduled).</summary>
    public ArticleBuilder WithPublishTime(DateTime? atUtc)
    {
        article.PublishedAtUtc = atUtc;
        return this;
    }

    /// <summary>Created, and last updated, at <paramref name="atUtc"/>.</summary>
    public ArticleBuilder CreatedAt(DateTime atUtc)
    {
        article.CreatedAtUtc = atUtc;
        article.UpdatedAtUtc = atUtc;
        return this;
    }

    public ArticleBuilder Deleted(bool deleted = true)
    {
        article.IsDeleted = deleted;
        return this;
    }

    public Article Build() => article;
}
