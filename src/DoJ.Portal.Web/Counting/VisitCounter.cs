using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Time;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DoJ.Portal.Web.Counting;

/// <summary>
/// Counts page views and visits in memory with atomic operations and writes them in batches
/// (<see cref="FlushAsync"/>): no database write per request. A failed flush puts its counts back,
/// so nothing is lost or counted twice; a graceful stop flushes what is pending.
/// </summary>
/// <remarks>
/// Not disposable on purpose: the final flush runs while the host stops, and the gates must still work
/// then (a SemaphoreSlim that never exposes its wait handle holds no unmanaged resource).
/// </remarks>
#pragma warning disable CA1001
public sealed class VisitCounter(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<CountingOptions> options, ILogger<VisitCounter> logger, SharedVisitors? shared = null)
{
    /// <summary>How long a page waits for Redis to count the visitors now before it asks the database.</summary>
    private static readonly TimeSpan SharedReadTimeout = TimeSpan.FromSeconds(1);

    private readonly CountingOptions settings = options.Value;
    private readonly SemaphoreSlim flushGate = new(1, 1);
    private readonly SemaphoreSlim keyGate = new(1, 1);

    /// <summary>Last page view (UTC ticks) of each visitor seen within the visit gap, by this instance.</summary>
    private readonly ConcurrentDictionary<string, long> lastSeen = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, long> seenSinceFlush = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> newVisitsSinceFlush = new(StringComparer.Ordinal);

    /// <summary>
    /// Visitors seen since the last flush whom the shared "visitors now" cannot hold yet (no view of theirs
    /// written within the now window): added to the figure until a flush shares them.
    /// </summary>
    private readonly ConcurrentDictionary<string, long> unsharedNow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DateOnly, long> dayVisits = new();
    private readonly ConcurrentDictionary<DateOnly, long> dayPageViews = new();
    private readonly ConcurrentDictionary<int, long> articleViews = new();
    private long pendingVisits;
    private long pendingPageViews;
    private WidgetFigures? widget;
    private long widgetGeneration;
    private (DateOnly Day, byte[] Key)? dayKey;
    private int sharedFailing;

    /// <summary>Visits counted by this instance and not yet written: added to the displayed total.</summary>
    public long PendingVisits => Interlocked.Read(ref pendingVisits);

    public long PendingPageViews => Interlocked.Read(ref pendingPageViews);

    /// <summary>The visitor id of a request under today's key (the key is read or created once a day).</summary>
    public async Task<string> IdentifyAsync(IPAddress? address, string? userAgent, CancellationToken cancellationToken = default)
    {
        var key = await GetDayKeyAsync(cancellationToken);
        return VisitorHasher.Hash(key, address, userAgent);
    }

    /// <summary>Records one counted page view by <paramref name="visitorId"/>; a new visit when the gap since the last one is long enough.</summary>
    public void RecordPageView(string visitorId, int? articleId = null)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var now = clock.GetUtcNow().UtcDateTime;
        var day = VietnamTime.DayOf(now);
        var isNewVisit = Touch(visitorId, now.Ticks, out var previous);

        Interlocked.Increment(ref pendingPageViews);
        dayPageViews.AddOrUpdate(day, 1, (_, v) => v + 1);
        if (seenSinceFlush.TryAdd(visitorId, now.Ticks))
        {
            // The first view since the flush: an earlier one within the window was written, and is shared.
            if (previous is not { } before || before < (now - settings.NowWindow).Ticks)
            {
                unsharedNow.TryAdd(visitorId, now.Ticks);
            }
        }
        else
        {
            seenSinceFlush.AddOrUpdate(visitorId, now.Ticks, (_, v) => Math.Max(v, now.Ticks));
        }
        if (articleId is { } id)
        {
            articleViews.AddOrUpdate(id, 1, (_, v) => v + 1);
        }

        if (isNewVisit)
        {
            Interlocked.Increment(ref pendingVisits);
            dayVisits.AddOrUpdate(day, 1, (_, v) => v + 1);
            newVisitsSinceFlush.TryAdd(visitorId, now.Ticks);
        }
    }

    /// <summary>
    /// The stored visit total and the visitors now, as the widget shows them. Every page renders the widget,
    /// so the two reads are shared for <see cref="CountingOptions.WidgetSeconds"/>, and dropped at once when
    /// this instance writes its counts (a flush changes both); the pending visits are added by the caller.
    /// </summary>
    public async Task<(long StoredVisits, int VisitorsNow)> WidgetFiguresAsync(CounterRepository repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromSeconds(settings.WidgetSeconds);
        if (Volatile.Read(ref widget) is { } kept && now >= kept.TakenAtUtc && now - kept.TakenAtUtc < lifetime
            && Environment.TickCount64 - kept.TakenAtTicks < lifetime.TotalMilliseconds)
        {
            return (kept.StoredVisits, kept.VisitorsNow);
        }

        var generation = Interlocked.Read(ref widgetGeneration);
        var stored = await repository.GetTotalAsync(SiteCounter.Visits, cancellationToken);
        var visitorsNow = await CountVisitorsNowAsync(repository, cancellationToken);
        // A flush that ended meanwhile made these figures old: keep them for this page only.
        if (Interlocked.Read(ref widgetGeneration) == generation)
        {
            Volatile.Write(ref widget, new WidgetFigures(stored, visitorsNow, now, Environment.TickCount64));
        }

        return (stored, visitorsNow);
    }

    /// <summary>
    /// This instance's visitors within the now window that the shared figure does not hold yet (seen since the
    /// last flush, with no view written within the window), and the reader <paramref name="readerId"/> of the page
    /// being rendered when this instance has not seen them within the window: their view is recorded only when
    /// the response starts, after the widget is rendered. Memory only.
    /// </summary>
    public int UnsharedVisitorsNow(string? readerId = null)
    {
        var since = (clock.GetUtcNow().UtcDateTime - settings.NowWindow).Ticks;
        var count = 0;
        foreach (var (_, ticks) in unsharedNow)
        {
            if (ticks >= since)
            {
                count++;
            }
        }

        if (readerId is not null && !(lastSeen.TryGetValue(readerId, out var last) && last >= since))
        {
            count++;
        }

        return count;
    }

    /// <summary>"Truy cập hiện tại" as shared: distinct visitors within the now window on every instance (Redis, else the database), as of their last flush.</summary>
    public async Task<int> CountVisitorsNowAsync(CounterRepository repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var since = clock.GetUtcNow().UtcDateTime - settings.NowWindow;
        if (shared is { IsConnected: true })
        {
            try
            {
                return await shared.CountSinceAsync(since).WaitAsync(SharedReadTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                ReportShared(ex);
            }
        }

        return await repository.CountVisitorsSinceAsync(since, cancellationToken);
    }

    /// <summary>
    /// Writes the pending counts in one transaction; on failure they are kept for the next try. First the
    /// visits new to this instance are checked against the other instances (Redis, else the database's
    /// recent visitors): a visit another instance already counted is not counted again. That decision is
    /// final, so a retried flush never checks a visitor against its own registration.
    /// </summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        await flushGate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var pruneBefore = now - settings.VisitGap - settings.FlushInterval;
            var visits = Interlocked.Exchange(ref pendingVisits, 0);
            var pageViews = Interlocked.Exchange(ref pendingPageViews, 0);
            var days = Drain(dayVisits);
            var dayViews = Drain(dayPageViews);
            var articles = Drain(articleViews);
            // Taken before the drain: a visitor added in between is counted twice until the next flush, never missed.
            var unshared = unsharedNow.ToArray();
            var seen = Drain(seenSinceFlush);
            var newVisits = Drain(newVisitsSinceFlush);
            var decided = false;
            var seenShared = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var repository = scope.ServiceProvider.GetRequiredService<CounterRepository>();
                var repeated = await SharedRepeatsAsync(newVisits, seen, pruneBefore);
                seenShared = repeated is not null;
                repeated ??= await DatabaseRepeatsAsync(repository, newVisits, pruneBefore, cancellationToken);
                foreach (var hash in repeated)
                {
                    visits--;
                    var day = VietnamTime.DayOf(new DateTime(newVisits[hash], DateTimeKind.Utc));
                    days[day] = days.GetValueOrDefault(day) - 1;
                }

                decided = true;
                var batch = new CounterBatch(
                    visits,
                    pageViews,
                    days.Keys.Union(dayViews.Keys).ToDictionary(d => d, d => (days.GetValueOrDefault(d), dayViews.GetValueOrDefault(d))),
                    articles,
                    seenShared ? new Dictionary<string, DateTime>() : seen.ToDictionary(s => s.Key, s => new DateTime(s.Value, DateTimeKind.Utc), StringComparer.Ordinal));
                if (!batch.IsEmpty)
                {
                    await repository.ApplyAsync(batch, pruneBefore, cancellationToken);
                }

                PruneVisitors(now);
                Forget(unsharedNow, unshared);
                Interlocked.Increment(ref widgetGeneration);
                Volatile.Write(ref widget, null);
                return true;
            }
#pragma warning disable CA1031 // Any failure keeps the counts for the next flush.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Add(ref pendingVisits, visits);
                Interlocked.Add(ref pendingPageViews, pageViews);
                Restore(dayVisits, days);
                Restore(dayPageViews, dayViews);
                Restore(articleViews, articles);
                if (!seenShared)
                {
                    foreach (var (hash, ticks) in seen)
                    {
                        seenSinceFlush.AddOrUpdate(hash, ticks, (_, v) => Math.Max(v, ticks));
                    }
                }
                else
                {
                    // Redis has them even though the database write failed.
                    Forget(unsharedNow, unshared);
                }

                if (!decided)
                {
                    foreach (var (hash, ticks) in newVisits)
                    {
                        newVisitsSinceFlush.TryAdd(hash, ticks);
                    }
                }

                logger.LogWarning(ex, "Could not write the visit counts; {Visits} visits and {PageViews} page views kept for the next flush", visits, pageViews);
                return false;
            }
        }
        finally
        {
            flushGate.Release();
        }
    }

    /// <summary>The new visits another instance already counted, decided atomically by Redis; null when Redis is absent or down.</summary>
    private async Task<HashSet<string>?> SharedRepeatsAsync(Dictionary<string, long> newVisits, Dictionary<string, long> seen, DateTime pruneBefore)
    {
        if (shared is not { IsConnected: true } || (newVisits.Count == 0 && seen.Count == 0))
        {
            return null;
        }

        try
        {
            var repeated = await shared.RegisterAsync(newVisits, seen, settings.VisitGap, pruneBefore);
            if (Interlocked.Exchange(ref sharedFailing, 0) == 1)
            {
                logger.LogInformation("Redis is back: visitors are shared through it again");
            }

            return repeated;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            ReportShared(ex);
            return null;
        }
    }

    /// <summary>
    /// Without Redis: the new visits that another instance recorded in <c>RecentVisitors</c> within the gap.
    /// Two instances meeting a new visitor within one flush interval of each other may both count it.
    /// </summary>
    private async Task<HashSet<string>> DatabaseRepeatsAsync(CounterRepository repository, Dictionary<string, long> newVisits, DateTime pruneBefore, CancellationToken cancellationToken)
    {
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        if (newVisits.Count == 0)
        {
            return repeated;
        }

        var elsewhere = await repository.FindSeenSinceAsync(newVisits.Keys.ToList(), pruneBefore, cancellationToken);
        foreach (var (hash, first) in newVisits)
        {
            if (elsewhere.TryGetValue(hash, out var other) && Math.Abs(first - other.Ticks) < settings.VisitGap.Ticks)
            {
                repeated.Add(hash);
            }
        }

        return repeated;
    }

    private void ReportShared(Exception ex)
    {
        if (Interlocked.Exchange(ref sharedFailing, 1) == 0)
        {
            logger.LogWarning(ex, "Redis is unreachable: visitors are shared through the database until it is back");
        }
    }

    /// <summary>
    /// True when the page view at <paramref name="ticks"/> starts a new visit; updates the visitor's last view
    /// atomically. <paramref name="previous"/> is the view before it, if this instance remembers one.
    /// </summary>
    private bool Touch(string visitorId, long ticks, out long? previous)
    {
        while (true)
        {
            if (lastSeen.TryGetValue(visitorId, out var last))
            {
                var latest = Math.Max(last, ticks);
                if (lastSeen.TryUpdate(visitorId, latest, last))
                {
                    previous = last;
                    return ticks - last >= settings.VisitGap.Ticks;
                }
            }
            else if (lastSeen.TryAdd(visitorId, ticks))
            {
                previous = null;
                return true;
            }
        }
    }

    /// <summary>Removes the entries taken, unless they changed since.</summary>
    private static void Forget(ConcurrentDictionary<string, long> target, KeyValuePair<string, long>[] taken)
    {
        foreach (var pair in taken)
        {
            target.TryRemove(pair);
        }
    }

    private void PruneVisitors(DateTime now)
    {
        var cutoff = (now - settings.VisitGap).Ticks;
        foreach (var (hash, ticks) in lastSeen)
        {
            if (ticks < cutoff)
            {
                lastSeen.TryRemove(new KeyValuePair<string, long>(hash, ticks));
            }
        }

        if (lastSeen.Count > settings.MaxTrackedVisitors)
        {
            // Forget the oldest half; a forgotten visitor's next page view counts as a new visit.
            var forget = lastSeen.OrderBy(p => p.Value).Take(lastSeen.Count - (settings.MaxTrackedVisitors / 2)).ToList();
            foreach (var pair in forget)
            {
                lastSeen.TryRemove(pair);
            }
        }
    }

    private async Task<byte[]> GetDayKeyAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        if (dayKey is { } current && current.Day == today)
        {
            return current.Key;
        }

        await keyGate.WaitAsync(cancellationToken);
        try
        {
            if (dayKey is { } again && again.Day == today)
            {
                return again.Key;
            }

            await using var scope = scopes.CreateAsyncScope();
            var key = await scope.ServiceProvider.GetRequiredService<CounterRepository>()
                .GetOrCreateDayKeyAsync(today, RandomNumberGenerator.GetBytes(Domain.Counting.VisitorKey.KeyLength), clock.GetUtcNow().UtcDateTime, cancellationToken);
            dayKey = (today, key);
            return key;
        }
        finally
        {
            keyGate.Release();
        }
    }

    private static Dictionary<TKey, long> Drain<TKey>(ConcurrentDictionary<TKey, long> source)
        where TKey : notnull
    {
        var drained = new Dictionary<TKey, long>();
        foreach (var key in source.Keys)
        {
            if (source.TryRemove(key, out var value))
            {
                drained[key] = value;
            }
        }

        return drained;
    }

    private static void Restore<TKey>(ConcurrentDictionary<TKey, long> target, Dictionary<TKey, long> values)
        where TKey : notnull
    {
        foreach (var (key, value) in values)
        {
            target.AddOrUpdate(key, value, (_, v) => v + value);
        }
    }

    private sealed record WidgetFigures(long StoredVisits, int VisitorsNow, DateTime TakenAtUtc, long TakenAtTicks);
}
