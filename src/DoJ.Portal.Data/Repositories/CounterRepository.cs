using DoJ.Portal.Domain.Counting;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>One batch of counts gathered in memory by an instance, written in one transaction.</summary>
public sealed record CounterBatch(
    long Visits,
    long PageViews,
    IReadOnlyDictionary<DateOnly, (long Visits, long PageViews)> Days,
    IReadOnlyDictionary<int, long> ArticleViews,
    IReadOnlyDictionary<string, DateTime> SeenVisitors)
{
    public bool IsEmpty => Visits == 0 && PageViews == 0 && Days.Count == 0 && ArticleViews.Count == 0 && SeenVisitors.Count == 0;
}

/// <summary>
/// The visit counter's storage. Every write is an atomic increment in the database
/// (<c>UPDATE … SET Value = Value + @delta</c>), never read-modify-write, so any number of instances
/// can flush at once without losing a count.
/// </summary>
public sealed class CounterRepository(PortalDbContext db)
{
    /// <summary>Lookups by many keys go in chunks: SQLite allows a limited number of parameters per statement.</summary>
    private const int ChunkSize = 500;

    public async Task ApplyAsync(CounterBatch batch, DateTime pruneBeforeUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await IncrementAsync(SiteCounter.Visits, batch.Visits, cancellationToken);
            await IncrementAsync(SiteCounter.PageViews, batch.PageViews, cancellationToken);
            foreach (var (day, (visits, pageViews)) in batch.Days)
            {
                var updated = await db.DailyStats.Where(d => d.Day == day).ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Visits, d => d.Visits + visits).SetProperty(d => d.PageViews, d => d.PageViews + pageViews),
                    cancellationToken);
                if (updated == 0)
                {
                    db.DailyStats.Add(new DailyStat { Day = day, Visits = visits, PageViews = pageViews });
                }
            }

            foreach (var (articleId, views) in batch.ArticleViews)
            {
                var updated = await db.ArticleViewStats.Where(a => a.ArticleId == articleId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + views), cancellationToken);
                if (updated == 0)
                {
                    db.ArticleViewStats.Add(new ArticleViewStat { ArticleId = articleId, Views = views });
                }
            }

            await UpsertSeenAsync(batch.SeenVisitors, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.RecentVisitors.Where(v => v.LastSeenUtc < pruneBeforeUtc).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
    }

    public Task<long> GetTotalAsync(string name, CancellationToken cancellationToken = default) =>
        db.SiteCounters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Distinct visitors seen by any instance since <paramref name="sinceUtc"/>.</summary>
    public Task<int> CountVisitorsSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken = default) =>
        db.RecentVisitors.AsNoTracking().CountAsync(v => v.LastSeenUtc > sinceUtc, cancellationToken);

    /// <summary>Visitors among <paramref name="hashes"/> that some instance saw after <paramref name="sinceUtc"/>.</summary>
    public async Task<Dictionary<string, DateTime>> FindSeenSinceAsync(IReadOnlyCollection<string> hashes, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var found = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Chunk(ChunkSize))
        {
            var rows = await db.RecentVisitors.AsNoTracking()
                .Where(v => chunk.Contains(v.VisitorHash) && v.LastSeenUtc > sinceUtc)
                .Select(v => new { v.VisitorHash, v.LastSeenUtc })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.VisitorHash] = row.LastSeenUtc;
            }
        }

        return found;
    }

    public Task<List<DailyStat>> ListDailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        db.DailyStats.AsNoTracking().Where(d => d.Day >= from && d.Day <= to).OrderBy(d => d.Day).ToListAsync(cancellationToken);

    public Task<long> GetArticleViewsAsync(int articleId, CancellationToken cancellationToken = default) =>
        db.ArticleViewStats.AsNoTracking().Where(a => a.ArticleId == articleId).Select(a => a.Views).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The key of <paramref name="day"/>, created from <paramref name="candidate"/> when no instance has made
    /// one yet; keys of earlier days are deleted, so their hashes can no longer be linked to anyone.
    /// </summary>
    public async Task<byte[]> GetOrCreateDayKeyAsync(DateOnly day, byte[] candidate, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await db.VisitorKeys.Where(k => k.Day < day).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.VisitorKeys.AsNoTracking().Where(k => k.Day == day).Select(k => k.Key).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            db.VisitorKeys.Add(new VisitorKey { Day = day, Key = candidate, CreatedAtUtc = nowUtc });
            await db.SaveChangesAsync(cancellationToken);
            return candidate;
        }
        catch (DbUpdateException)
        {
            // Another instance created today's key first: use that one.
            db.ChangeTracker.Clear();
            return await db.VisitorKeys.AsNoTracking().Where(k => k.Day == day).Select(k => k.Key).FirstAsync(cancellationToken);
        }
    }

    private async Task IncrementAsync(string name, long delta, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            return;
        }

        var updated = await db.SiteCounters.Where(c => c.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + delta), cancellationToken);
        if (updated == 0)
        {
            db.SiteCounters.Add(new SiteCounter { Name = name, Value = delta });
        }
    }

    private async Task UpsertSeenAsync(IReadOnlyDictionary<string, DateTime> seen, CancellationToken cancellationToken)
    {
        foreach (var chunk in seen.Chunk(ChunkSize))
        {
            var hashes = chunk.Select(c => c.Key).ToList();
            var rows = await db.RecentVisitors.Where(v => hashes.Contains(v.VisitorHash)).ToDictionaryAsync(v => v.VisitorHash, StringComparer.Ordinal, cancellationToken);
            foreach (var (hash, lastSeen) in chunk)
            {
                if (rows.TryGetValue(hash, out var row))
                {
                    if (row.LastSeenUtc < lastSeen)
                    {
                        row.LastSeenUtc = lastSeen;
                    }
                }
                else
                {
                    db.RecentVisitors.Add(new RecentVisitor { VisitorHash = hash, LastSeenUtc = lastSeen });
                }
            }
        }
    }
}
