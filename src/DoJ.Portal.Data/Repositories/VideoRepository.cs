using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>A public video in a list: its poster (null when none) and the day it was recorded.</summary>
public sealed record VideoListItem(int Id, string Title, string Slug, DateOnly RecordedOn, DateTime PublishedAtUtc, DateTime UpdatedAtUtc, ImageRef? Poster);

/// <summary>A public video as its page shows it: exactly one of <see cref="YouTubeId"/> and <see cref="FileId"/>.</summary>
public sealed record VideoDetails(
    int Id,
    string Title,
    string Slug,
    string Description,
    DateOnly RecordedOn,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    string? YouTubeId,
    int? FileId,
    long? FileSizeBytes,
    ImageRef? Poster);

/// <summary>The uploaded MP4 of a video, and whether the video is public now.</summary>
public sealed record VideoFile(int VideoId, string FileName, long SizeBytes, string Sha256, DateTime UploadedAtUtc, bool IsPublic);

/// <summary>Intention-named queries over the public videos; "public" is <see cref="Video.IsPublicAt"/> only.</summary>
public sealed class VideoRepository(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Video> Public() => db.Videos.AsNoTracking().Where(Video.IsPublicAt(Now));

    private static IQueryable<Video> NewestFirst(IQueryable<Video> query) =>
        query.OrderByDescending(v => v.PublishedAtUtc).ThenByDescending(v => v.Id);

    /// <summary>One page of the public videos, the most recently published first.</summary>
    public async Task<PagedList<VideoListItem>> ListPublicAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Public();
        var total = await query.LongCountAsync(cancellationToken);
        var items = await Project(NewestFirst(query).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedList<VideoListItem>(items, page, pageSize, total);
    }

    /// <summary>The newest public videos (the home block, the sitemap).</summary>
    public Task<List<VideoListItem>> ListLatestAsync(int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public()).Take(count)).ToListAsync(cancellationToken);

    public Task<VideoDetails?> GetPublicAsync(int id, CancellationToken cancellationToken = default) =>
        Public().Where(v => v.Id == id)
            .Select(v => new VideoDetails(v.Id, v.Title, v.Slug, v.Description, v.RecordedOn, v.PublishedAtUtc!.Value, v.UpdatedAtUtc,
                v.YouTubeId, v.FileId, v.File == null ? null : v.File.SizeBytes,
                v.Poster == null ? null : new ImageRef(v.Poster.Id, v.Poster.FileName, v.Poster.Width, v.Poster.Height, v.Poster.VariantWidths)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The MP4 of a video (public or not: the caller decides who may have it), or null when it has none.</summary>
    public async Task<VideoFile?> FindFileAsync(int videoId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.Videos.AsNoTracking().Where(v => v.Id == videoId && v.File != null)
            .Select(v => new VideoFile(v.Id, v.File!.FileName, v.File.SizeBytes, v.File.Sha256, v.File.UploadedAtUtc,
                v.Status == Domain.Articles.ArticleStatus.Published && !v.IsDeleted && v.PublishedAtUtc <= now))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<VideoListItem> Project(IQueryable<Video> query) =>
        query.Select(v => new VideoListItem(v.Id, v.Title, v.Slug, v.RecordedOn, v.PublishedAtUtc!.Value, v.UpdatedAtUtc,
            v.Poster == null ? null : new ImageRef(v.Poster.Id, v.Poster.FileName, v.Poster.Width, v.Poster.Height, v.Poster.VariantWidths)));
}
