using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// What changes the register's pages without any save: the Vietnam day (a document's status is derived from its
/// dates on the Vietnam calendar, so at midnight "Chưa có hiệu lực" may become "Còn hiệu lực"), and a scheduled
/// document whose publish time came. Every <see cref="PageCacheOptions.ScheduledCheckSeconds"/> it looks, and
/// evicts <see cref="PageTags.Documents"/> when either happened. Idempotent, so harmless on several instances.
/// </summary>
public sealed partial class DocumentDayWatcher(
    IServiceScopeFactory scopes,
    PublicCache publicCache,
    TimeProvider clock,
    IOptions<PageCacheOptions> options,
    ILogger<DocumentDayWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ScheduledCheckSeconds));
        var since = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.PageSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                since = await CheckAsync(since, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Evicts the register's pages when a Vietnam midnight or a scheduled document's time lies in
    /// (<paramref name="sinceUtc"/>, now]; returns now (or <paramref name="sinceUtc"/> when the database could not be read).
    /// </summary>
    public async Task<DateTime> CheckAsync(DateTime sinceUtc, CancellationToken cancellationToken)
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
            var due = await db.LegalDocuments.AsNoTracking()
                .Where(d => d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc > sinceUtc && d.PublishedAtUtc <= now)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
            if (due.Count > 0)
            {
                await publicCache.DocumentChangedAsync(await db.LegalDocumentArticles.AsNoTracking()
                    .Where(l => due.Contains(l.LegalDocumentId)).Select(l => l.ArticleId).ToListAsync(cancellationToken));
            }

            return now;
        }
#pragma warning disable CA1031 // A failed look (database busy) is retried from the same point next time.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not look for scheduled documents that came due");
            return sinceUtc;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vietnam day {Day}: the register's cached pages were evicted")]
    private partial void LogNewDay(DateOnly day);
}
