using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>An album in a list (the public list, the home block, the sitemap): its cover and how many photos it has.</summary>
public sealed record AlbumCard(int Id, string Title, string Slug, DateOnly TakenOn, int PhotoCount, ImageRef? Cover, string CoverAlt,
    DateTime PublishedAtUtc, DateTime UpdatedAtUtc);

/// <summary>One photo as a public page shows it.</summary>
public sealed record AlbumPhotoView(int Id, ImageRef Image, string Caption, string AltText);

/// <summary>A public album with its photos in order; <see cref="Cover"/> is the chosen cover or the first photo.</summary>
public sealed record AlbumView(int Id, string Title, string Slug, string Description, DateOnly TakenOn,
    DateTime PublishedAtUtc, DateTime UpdatedAtUtc, IReadOnlyList<AlbumPhotoView> Photos, AlbumPhotoView? Cover);

/// <summary>The public side of photo albums: only albums public at <c>nowUtc</c> (<see cref="Album.IsPublicAt"/>) are ever read.</summary>
public sealed class AlbumRepository(PortalDbContext db, AlbumTotals totals)
{
    /// <summary>Public albums, newest publication first; the total (for the pager) comes from <see cref="AlbumTotals"/> while no album changed.</summary>
    public async Task<PagedList<AlbumCard>> ListPublicAsync(int page, int pageSize, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var query = db.Albums.AsNoTracking().Where(Album.IsPublicAt(nowUtc));
        var stamp = await StampAsync(cancellationToken);
        if (!totals.TryGet(AlbumTotals.PublicList, stamp, nowUtc, out var total))
        {
            total = await query.LongCountAsync(cancellationToken);
            // A scheduled album changes the count when its time comes, without any save.
            var nextDue = await db.Albums.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc > nowUtc)
                .MinAsync(a => a.PublishedAtUtc, cancellationToken);
            var maxAge = nowUtc + AlbumTotals.MaxAge;
            totals.Set(AlbumTotals.PublicList, stamp, nextDue is { } due && due < maxAge ? due : maxAge, total);
        }

        var items = await CardsAsync(NewestFirst(query).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize), cancellationToken);
        return new PagedList<AlbumCard>(items, page, pageSize, total);
    }

    /// <summary>The newest public albums (the home block).</summary>
    public Task<List<AlbumCard>> ListLatestAsync(int count, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        CardsAsync(NewestFirst(db.Albums.AsNoTracking().Where(Album.IsPublicAt(nowUtc))).Take(count), cancellationToken);

    /// <summary>Public albums for the sitemap, newest first, without photos.</summary>
    public Task<List<AlbumCard>> ListForSitemapAsync(int limit, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        NewestFirst(db.Albums.AsNoTracking().Where(Album.IsPublicAt(nowUtc))).Take(limit)
            .Select(a => new AlbumCard(a.Id, a.Title, a.Slug, a.TakenOn, 0, null, "", a.PublishedAtUtc!.Value, a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>A public album with its photos, or null (unknown, not public, in the bin).</summary>
    public async Task<AlbumView?> GetPublicAsync(int id, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var album = await db.Albums.AsNoTracking().Where(Album.IsPublicAt(nowUtc)).Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Description, a.TakenOn, a.PublishedAtUtc, a.UpdatedAtUtc, a.CoverPhotoId })
            .FirstOrDefaultAsync(cancellationToken);
        if (album is null)
        {
            return null;
        }

        var photos = await db.AlbumPhotos.AsNoTracking().Where(p => p.AlbumId == id).OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Caption, p.AltText, p.Media!.FileName, p.Media.Width, p.Media.Height, p.Media.VariantWidths, p.MediaId })
            .ToListAsync(cancellationToken);
        var views = photos.Select(p => new AlbumPhotoView(p.Id, new ImageRef(p.MediaId, p.FileName, p.Width, p.Height, p.VariantWidths), p.Caption, p.AltText)).ToList();
        var cover = views.FirstOrDefault(p => p.Id == album.CoverPhotoId) ?? views.FirstOrDefault();
        return new AlbumView(album.Id, album.Title, album.Slug, album.Description, album.TakenOn, album.PublishedAtUtc!.Value, album.UpdatedAtUtc, views, cover);
    }

    /// <summary>
    /// The newest change time and the highest id of all albums, two index seeks in one command: every save of an album
    /// (publishing, unpublishing, the bin, editing) sets its change time, every insert moves the id.
    /// </summary>
    private Task<AlbumStamp?> StampAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Id).Take(1)
            .Select(_ => new AlbumStamp(db.Albums.Max(a => (DateTime?)a.UpdatedAtUtc), db.Albums.Max(a => (int?)a.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<Album> NewestFirst(IQueryable<Album> query) =>
        query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id);

    /// <summary>
    /// The cards of the albums a query selects, in its order: the albums first, then the photos of those albums alone
    /// (by the album's index), counted and the cover chosen here. Asked as one query, EF Core numbered every photo of
    /// every album (<c>ROW_NUMBER() OVER (PARTITION BY AlbumId)</c>, twice) to pick each cover: 3 seconds a list page at
    /// 100,000 albums and 700,000 photos (docs/performance.md, issue 22).
    /// </summary>
    private async Task<List<AlbumCard>> CardsAsync(IQueryable<Album> albums, CancellationToken cancellationToken)
    {
        var rows = await albums.Select(a => new { a.Id, a.Title, a.Slug, a.TakenOn, a.PublishedAtUtc, a.UpdatedAtUtc, a.CoverPhotoId })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var photos = (await db.AlbumPhotos.AsNoTracking().Where(p => ids.Contains(p.AlbumId))
            .Select(p => new { p.AlbumId, p.Id, p.Position, p.MediaId, p.AltText, p.Media!.FileName, p.Media.Width, p.Media.Height, p.Media.VariantWidths })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.AlbumId);
        return rows.Select(r =>
        {
            var own = photos[r.Id].ToList();
            // The chosen cover, else the first photo (by position, then id), as on the album's page.
            var cover = own.Find(p => p.Id == r.CoverPhotoId) ?? own.OrderBy(p => p.Position).ThenBy(p => p.Id).FirstOrDefault();
            return new AlbumCard(r.Id, r.Title, r.Slug, r.TakenOn, own.Count,
                cover is null ? null : new ImageRef(cover.MediaId, cover.FileName, cover.Width, cover.Height, cover.VariantWidths),
                cover?.AltText ?? "", r.PublishedAtUtc!.Value, r.UpdatedAtUtc);
        }).ToList();
    }
}

/// <summary>What changes whenever an album is saved or added (see <see cref="AlbumTotals"/>).</summary>
public sealed record AlbumStamp(DateTime? LastUpdatedAtUtc, int? LastId);

/// <summary>
/// The public album count, kept between requests (a singleton): at 100,000 albums counting them took 7–9 ms of every
/// list page (docs/performance.md, issue 22). It holds while the <see cref="AlbumStamp"/> is the same, no scheduled
/// album has come due, and for at most <see cref="MaxAge"/>. A save here also forgets it (<c>PublicCache</c>): two
/// saves in the same clock tick leave the stamp as it was, and albums write no entry in the change sequence; on
/// another instance a save moves the change time, or one whose clock is behind is seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class AlbumTotals : KeptTotals<int, AlbumStamp>
{
    /// <summary>The key of the one list there is: all public albums.</summary>
    public const int PublicList = 0;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
}
