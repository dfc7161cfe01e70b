using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>Adds articles straight to the database, for states the admin area will produce.</summary>
public static class TestArticles
{
    /// <summary>Adds an article and, as the admin area's saves do, evicts the cached pages it belongs on.</summary>
    public static async Task<Article> AddArticleAsync(
        this PortalWebApplicationFactory factory,
        string title,
        string categorySlug,
        DateTime? publishedAtUtc,
        ArticleStatus status = ArticleStatus.Published,
        bool isDeleted = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var added = await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.SingleAsync(c => c.Slug == categorySlug);
            var article = new ArticleBuilder()
                .Titled(title)
                .WithSlug(Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6])
                .InCategory(category.Id)
                .WithStatus(status)
                .WithPublishTime(publishedAtUtc)
                .Deleted(isDeleted)
                .CreatedAt(publishedAtUtc ?? DateTime.UtcNow)
                .Build();
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });
        await factory.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(added.Id, new ArticlePlacement(added.CategoryId, added.PublishedAtUtc));
        return added;
    }

    public static string UniqueTitle(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
}
