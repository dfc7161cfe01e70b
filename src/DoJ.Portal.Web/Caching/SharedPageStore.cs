#pragma warning disable CA1031 // Any failure of the shared store means: render without it for a while.
using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// The shared (Redis) page store, made safe to lose: when Redis fails, pages are rendered instead of read
/// from it for <see cref="PauseAfterFailure"/>, nothing waits on it, and evictions that could not be sent
/// are kept and sent before anything is stored again, so no page outlives an edit made during the outage.
/// </summary>
public sealed partial class SharedPageStore(IOutputCacheStore inner, TimeProvider clock, ILogger<SharedPageStore> logger) : IOutputCacheStore
{
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, byte> pendingEvictions = new(StringComparer.Ordinal);
    private long pausedUntilTicks;

    public bool IsPaused => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref pausedUntilTicks);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (IsPaused || !pendingEvictions.IsEmpty)
        {
            return null;
        }

        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Pause(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (IsPaused)
        {
            return;
        }

        try
        {
            await SendPendingEvictionsAsync(cancellationToken);
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Pause(ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        pendingEvictions.TryAdd(tag, 0);
        if (IsPaused)
        {
            return;
        }

        try
        {
            await SendPendingEvictionsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Pause(ex);
        }
    }

    private async Task SendPendingEvictionsAsync(CancellationToken cancellationToken)
    {
        foreach (var tag in pendingEvictions.Keys)
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            pendingEvictions.TryRemove(tag, out _);
        }
    }

    private void Pause(Exception ex)
    {
        Interlocked.Exchange(ref pausedUntilTicks, (clock.GetUtcNow() + PauseAfterFailure).UtcTicks);
        LogUnavailable(ex, PauseAfterFailure.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared page cache (Redis) failed: pages are rendered without it for {Seconds} s")]
    private partial void LogUnavailable(Exception ex, double seconds);
}
