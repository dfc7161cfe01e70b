using DoJ.Portal.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>An article as lists show it: no body.</summary>
public sealed record ArticleListItem(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string? ThumbnailPath,
    DateTime PublishedAtUtc,
    string CategoryName,
    string CategorySlug);

/// <summary>Intention-named queries over public articles; every one applies <see cref="Article.IsPublicAt"/>.</summary>
public sealed class ArticleRepository(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Public() => db.Articles.AsNoTracking().Where(Article.IsPublicAt(Now));

    public Task<List<ArticleListItem>> ListLatestPublishedAsync(int count, CancellationToken cancellationToken = default) =>
        Project(Public()
                .OrderByDescending(a => a.PublishedAtUtc)
                .ThenByDescending(a => a.Id)
                .Take(count))
            .ToListAsync(cancellationToken);

    private static IQueryable<ArticleListItem> Project(IQueryable<Article> query) =>
        query.Select(a => new ArticleListItem(
            a.Id,
            a.Title,
            a.Slug,
            a.Summary,
            a.ThumbnailPath,
            a.PublishedAtUtc!.Value,
            a.Category!.Name,
            a.Category.Slug));
}
