using DoJ.Portal.Domain.Articles;

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
        Author = "Văn phòng Sở",
        Status = ArticleStatus.Draft,
    };

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

    public ArticleBuilder Deleted()
    {
        article.IsDeleted = true;
        return this;
    }

    public Article Build() => article;
}
