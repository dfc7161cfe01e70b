using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>One public address of a sitemap file: the item's id and slug (its page's address) and when it last changed.</summary>
public sealed record SitemapItem(int Id, string Slug, DateTime LastModifiedUtc);

/// <summary>The kinds of content the sitemap lists in id ranges, each kind in its own files.</summary>
public enum SitemapKind
{
    Articles,
    Documents,
    Videos,
    Albums,
    Questions,
}

/// <summary>
/// The sitemap's reads of content that can grow past one file: the highest id of each kind (the index), and the
/// public items of one id range (a file). A range is read along the primary key and the public rule (the same as
/// each kind's <c>IsPublicAt</c>) is evaluated per row in the projection: with the rule in the WHERE clause,
/// SQLite seeks the status index instead and walks every public row's entry to find one range.
/// </summary>
public sealed class SitemapRepository(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The highest id of a kind, public or not (a primary-key read); null when there is none.</summary>
    public Task<int?> HighestIdAsync(SitemapKind kind, CancellationToken cancellationToken = default) => kind switch
    {
        SitemapKind.Articles => db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken),
        SitemapKind.Documents => db.LegalDocuments.MaxAsync(d => (int?)d.Id, cancellationToken),
        SitemapKind.Videos => db.Videos.MaxAsync(v => (int?)v.Id, cancellationToken),
        SitemapKind.Albums => db.Albums.MaxAsync(a => (int?)a.Id, cancellationToken),
        SitemapKind.Questions => db.Questions.MaxAsync(q => (int?)q.Id, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The public items of a kind with <paramref name="fromId"/> ≤ id &lt; <paramref name="toId"/>, in id order.</summary>
    public async Task<List<SitemapItem>> ListPublicAsync(SitemapKind kind, int fromId, int toId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var rows = kind switch
        {
            SitemapKind.Articles => await db.Articles.AsNoTracking().Where(a => a.Id >= fromId && a.Id < toId).OrderBy(a => a.Id)
                .Select(a => new Row(a.Id, a.Slug, a.PublishedAtUtc, a.UpdatedAtUtc,
                    a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now))
                .ToListAsync(cancellationToken),
            SitemapKind.Documents => await db.LegalDocuments.AsNoTracking().Where(d => d.Id >= fromId && d.Id < toId).OrderBy(d => d.Id)
                .Select(d => new Row(d.Id, d.Slug, d.PublishedAtUtc, d.UpdatedAtUtc,
                    d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc <= now))
                .ToListAsync(cancellationToken),
            SitemapKind.Videos => await db.Videos.AsNoTracking().Where(v => v.Id >= fromId && v.Id < toId).OrderBy(v => v.Id)
                .Select(v => new Row(v.Id, v.Slug, v.PublishedAtUtc, v.UpdatedAtUtc,
                    v.Status == ArticleStatus.Published && !v.IsDeleted && v.PublishedAtUtc <= now))
                .ToListAsync(cancellationToken),
            SitemapKind.Albums => await db.Albums.AsNoTracking().Where(a => a.Id >= fromId && a.Id < toId).OrderBy(a => a.Id)
                .Select(a => new Row(a.Id, a.Slug, a.PublishedAtUtc, a.UpdatedAtUtc,
                    a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now))
                .ToListAsync(cancellationToken),
            SitemapKind.Questions => await db.Questions.AsNoTracking().Where(q => q.Id >= fromId && q.Id < toId).OrderBy(q => q.Id)
                .Select(q => new Row(q.Id, q.Slug, q.PublishedAtUtc, q.UpdatedAtUtc,
                    q.Status == QuestionStatus.Published && q.PublishedAtUtc <= now))
                .ToListAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var items = new List<SitemapItem>(rows.Count);
        foreach (var row in rows)
        {
            if (row.IsPublic && row.PublishedAtUtc is { } published)
            {
                items.Add(new SitemapItem(row.Id, row.Slug, row.UpdatedAtUtc > published ? row.UpdatedAtUtc : published));
            }
        }

        return items;
    }

    private sealed record Row(int Id, string Slug, DateTime? PublishedAtUtc, DateTime UpdatedAtUtc, bool IsPublic);
}
