using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// A scheduled article (Hẹn giờ) is stored as published with a future time and appears by itself when the
/// time comes: no row changes then, so no save evicts the cached lists. This watcher looks for articles
/// that came due since its last look and evicts their pages as a save would. Running it on several
/// instances at once is harmless: eviction is idempotent.
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

    /// <summary>Evicts the pages of articles that came due in (<paramref name="sinceUtc"/>, now]; returns now.</summary>
    public async Task<DateTime> EvictDueAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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

            return now;
        }
#pragma warning disable CA1031 // A failed look (database busy) is retried from the same point next time.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not look for scheduled articles that came due");
            return sinceUtc;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled article {ArticleId} came due: its pages were evicted")]
    private partial void LogDue(int articleId);
}
