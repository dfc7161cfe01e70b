using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

public enum ArticleSort
{
    Updated,
    Published,
    Title,
    Views,
}

public sealed record ArticleAdminFilter(string? Words, int? CategoryId, ArticleState? State, string? Author, bool InBin, string? CreatedById = null, ArticleSort Sort = ArticleSort.Updated);

public sealed record ArticleAdminItem(
    int Id,
    string Title,
    string Slug,
    string CategoryName,
    ArticleStatus Status,
    bool IsDeleted,
    DateTime? PublishedAtUtc,
    DateTime UpdatedAtUtc,
    string Author,
    string? CreatedById,
    long Views,
    DateTime? ReturnedAtUtc = null)
{
    /// <summary>Sent back to its author by an editor and not yet submitted again.</summary>
    public bool IsReturned => ReturnedAtUtc is not null && Status == ArticleStatus.Draft && !IsDeleted;

    public ArticleState StateAt(DateTime nowUtc) =>
        IsDeleted ? ArticleState.Deleted
        : Status == ArticleStatus.Published && PublishedAtUtc > nowUtc ? ArticleState.Scheduled
        : Status switch
        {
            ArticleStatus.Published => ArticleState.Published,
            ArticleStatus.Submitted => ArticleState.Submitted,
            ArticleStatus.Unpublished => ArticleState.Unpublished,
            _ => ArticleState.Draft,
        };
}

public sealed record StateCount(ArticleState State, int Count);

/// <summary>The admin area's article queries: every state, filters, newest change first.</summary>
public sealed class ArticleAdminRepository(PortalDbContext db)
{
    public async Task<PagedList<ArticleAdminItem>> ListAsync(ArticleAdminFilter filter, int page, int pageSize, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Articles.AsNoTracking().Where(a => a.IsDeleted == filter.InBin);
        if (!string.IsNullOrWhiteSpace(filter.Words))
        {
            var words = filter.Words.Trim();
            query = query.Where(a => a.Title.Contains(words) || a.Summary.Contains(words));
        }

        if (filter.CreatedById is { } createdBy)
        {
            query = query.Where(a => a.CreatedById == createdBy);
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            var author = filter.Author.Trim();
            query = query.Where(a => a.Author.Contains(author));
        }

        query = filter.State switch
        {
            ArticleState.Draft => query.Where(a => a.Status == ArticleStatus.Draft),
            ArticleState.Submitted => query.Where(a => a.Status == ArticleStatus.Submitted),
            ArticleState.Scheduled => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc > nowUtc),
            ArticleState.Published => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= nowUtc),
            ArticleState.Unpublished => query.Where(a => a.Status == ArticleStatus.Unpublished),
            _ => query,
        };

        var total = await query.LongCountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            ArticleSort.Published => query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id),
            ArticleSort.Title => query.OrderBy(a => a.Title).ThenByDescending(a => a.Id),
            ArticleSort.Views => query.OrderByDescending(a => db.ArticleViewStats.Where(s => s.ArticleId == a.Id).Select(s => s.Views).FirstOrDefault()).ThenByDescending(a => a.Id),
            _ => query.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id),
        };
        var items = await sorted
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(a => new ArticleAdminItem(
                a.Id, a.Title, a.Slug, a.Category!.Name, a.Status, a.IsDeleted, a.PublishedAtUtc, a.UpdatedAtUtc, a.Author, a.CreatedById,
                db.ArticleViewStats.Where(s => s.ArticleId == a.Id).Select(s => s.Views).FirstOrDefault(), a.ReturnedAtUtc))
            .ToListAsync(cancellationToken);
        return new PagedList<ArticleAdminItem>(items, page, pageSize, total);
    }

    public async Task<List<StateCount>> CountByStateAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var rows = await db.Articles.AsNoTracking()
            .GroupBy(a => new { a.IsDeleted, a.Status, Future = a.PublishedAtUtc > nowUtc })
            .Select(g => new { g.Key.IsDeleted, g.Key.Status, g.Key.Future, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.IsDeleted ? ArticleState.Deleted
                : r.Status == ArticleStatus.Published ? (r.Future ? ArticleState.Scheduled : ArticleState.Published)
                : r.Status == ArticleStatus.Submitted ? ArticleState.Submitted
                : r.Status == ArticleStatus.Unpublished ? ArticleState.Unpublished
                : ArticleState.Draft)
            .Select(g => new StateCount(g.Key, g.Sum(r => r.Count)))
            .OrderBy(s => s.State)
            .ToList();
    }

    public Task<List<ArticleRevision>> ListRevisionsAsync(int articleId, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
}
