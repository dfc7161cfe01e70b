using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// What changes public pages without any save. A scheduled article, document, album or video (Hẹn giờ) is stored as published
/// with a future time and appears by itself when the time comes: no row changes then, so no save evicts the
/// cached lists. And a document's legal effect is derived from its dates on the Vietnam calendar, so at Vietnam
/// midnight "Chưa có hiệu lực" may become "Còn hiệu lực". Every <see cref="PageCacheOptions.ScheduledCheckSeconds"/>
/// this watcher looks for content that came due since its last look, and for a new Vietnam day, and evicts their
/// pages as a save would. Running it on several instances at once is harmless: eviction is idempotent.
/// </summary>
public sealed partial class ScheduledPublishWatcher(
    IServiceScopeFactory scopes,
    PublicCache publicCache,
    TimeProvider clock,
    IOptions<PageCacheOptions> options,
    ILogger<ScheduledPublishWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ScheduledCheckSeconds));
        // Pages cached before this start (a shared store) live at most one page lifetime.
        var since = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.PageSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                since = await EvictDueAsync(since, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Evicts the pages of articles and documents that came due in (<paramref name="sinceUtc"/>, now], and the
    /// register's pages when a Vietnam midnight lies in it; returns now (or <paramref name="sinceUtc"/> when the
    /// database could not be read, so the next look covers the same time again).
    /// </summary>
    public async Task<DateTime> EvictDueAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (VietnamTime.DayOf(now) != VietnamTime.DayOf(sinceUtc))
        {
            LogNewDay(VietnamTime.DayOf(now));
            await publicCache.DocumentDayChangedAsync();
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var due = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc > sinceUtc && a.PublishedAtUtc <= now)
                .Select(a => new { a.Id, a.CategoryId, a.PublishedAtUtc })
                .ToListAsync(cancellationToken);
            foreach (var article in due)
            {
                LogDue(article.Id);
                await publicCache.ArticleChangedAsync(article.Id, new ArticlePlacement(article.CategoryId, article.PublishedAtUtc));
            }

            var dueDocuments = await db.LegalDocuments.AsNoTracking()
                .Where(d => d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc > sinceUtc && d.PublishedAtUtc <= now)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
            if (dueDocuments.Count > 0)
            {
                await publicCache.DocumentChangedAsync(await db.LegalDocumentArticles.AsNoTracking()
                    .Where(l => dueDocuments.Contains(l.LegalDocumentId)).Select(l => l.ArticleId).ToListAsync(cancellationToken));
            }

            var dueVideos = await db.Videos.AsNoTracking()
                .Where(v => v.Status == ArticleStatus.Published && !v.IsDeleted && v.PublishedAtUtc > sinceUtc && v.PublishedAtUtc <= now)
                .Select(v => v.Id)
                .ToListAsync(cancellationToken);
            foreach (var video in dueVideos)
            {
                await publicCache.VideoChangedAsync(video);
            }

            var dueAlbums = await db.Albums.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc > sinceUtc && a.PublishedAtUtc <= now)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
            if (dueAlbums.Count > 0)
            {
                await publicCache.AlbumChangedAsync(await db.Articles.AsNoTracking()
                    .Where(a => a.AlbumId != null && dueAlbums.Contains(a.AlbumId.Value)).Select(a => a.Id).ToListAsync(cancellationToken));
            }

            return now;
        }
#pragma warning disable CA1031 // A failed look (database busy) is retried from the same point next time.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not look for scheduled content that came due");
            return sinceUtc;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled article {ArticleId} came due: its pages were evicted")]
    private partial void LogDue(int articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vietnam day {Day}: the register's cached pages were evicted")]
    private partial void LogNewDay(DateOnly day);
}
