using System.Runtime.CompilerServices;
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
/// The sitemap's reads of content that can grow past one file: the highest public id of each kind (the index), and the
/// public items of one id range (a file). A range is read along the primary key and the public rule (the same as
/// each kind's <c>IsPublicAt</c>) is evaluated per row in the projection: with the rule in the WHERE clause,
/// SQLite seeks the status index instead and walks every public row's entry to find one range.
/// </summary>
public sealed class SitemapRepository(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The highest id of a public item of a kind, or null when there is none: read back from the end of the primary key
    /// in growing batches, so a draft created last does not name a file with nothing public in it.
    /// </summary>
    public async Task<int?> HighestPublicIdAsync(SitemapKind kind, CancellationToken cancellationToken = default)
    {
        var below = int.MaxValue;
        for (var batch = 16; ; batch = Math.Min(batch * 4, 4096))
        {
            var rows = await Rows(kind, Now).Where(r => r.Id < below).OrderByDescending(r => r.Id).Take(batch)
                .Select(r => new { r.Id, r.IsPublic }).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return null;
            }

            if (rows.Find(r => r.IsPublic) is { } highest)
            {
                return highest.Id;
            }

            below = rows[^1].Id;
        }
    }

    /// <summary>
    /// The public items of a kind with <paramref name="fromId"/> ≤ id &lt; <paramref name="toId"/>, in id order, as the
    /// rows arrive: a file of thousands of addresses is written out while it is read, never held as a list (whose array
    /// alone would be a large object per request).
    /// </summary>
    public async IAsyncEnumerable<SitemapItem> StreamPublicAsync(SitemapKind kind, int fromId, int toId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = Rows(kind, Now).Where(r => r.Id >= fromId && r.Id < toId).OrderBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.IsPublic && row.PublishedAtUtc is { } published)
            {
                yield return new SitemapItem(row.Id, row.Slug, row.UpdatedAtUtc > published ? row.UpdatedAtUtc : published);
            }
        }
    }

    /// <summary>Every item of a kind with whether it is public at <paramref name="now"/> (each kind's <c>IsPublicAt</c>).</summary>
    private IQueryable<Row> Rows(SitemapKind kind, DateTime now) => kind switch
    {
        SitemapKind.Articles => db.Articles.AsNoTracking().Select(a => new Row
        {
            Id = a.Id, Slug = a.Slug, PublishedAtUtc = a.PublishedAtUtc, UpdatedAtUtc = a.UpdatedAtUtc,
            IsPublic = a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now,
        }),
        SitemapKind.Documents => db.LegalDocuments.AsNoTracking().Select(d => new Row
        {
            Id = d.Id, Slug = d.Slug, PublishedAtUtc = d.PublishedAtUtc, UpdatedAtUtc = d.UpdatedAtUtc,
            IsPublic = d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc <= now,
        }),
        SitemapKind.Videos => db.Videos.AsNoTracking().Select(v => new Row
        {
            Id = v.Id, Slug = v.Slug, PublishedAtUtc = v.PublishedAtUtc, UpdatedAtUtc = v.UpdatedAtUtc,
            IsPublic = v.Status == ArticleStatus.Published && !v.IsDeleted && v.PublishedAtUtc <= now,
        }),
        SitemapKind.Albums => db.Albums.AsNoTracking().Select(a => new Row
        {
            Id = a.Id, Slug = a.Slug, PublishedAtUtc = a.PublishedAtUtc, UpdatedAtUtc = a.UpdatedAtUtc,
            IsPublic = a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now,
        }),
        SitemapKind.Questions => db.Questions.AsNoTracking().Select(q => new Row
        {
            Id = q.Id, Slug = q.Slug, PublishedAtUtc = q.PublishedAtUtc, UpdatedAtUtc = q.UpdatedAtUtc,
            IsPublic = q.Status == QuestionStatus.Published && q.PublishedAtUtc <= now,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed class Row
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public DateTime? PublishedAtUtc { get; init; }
        public DateTime UpdatedAtUtc { get; init; }
        public bool IsPublic { get; init; }
    }
}
