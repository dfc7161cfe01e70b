#pragma warning disable CA1031 // Redis is an accelerator here: a failed publish or subscribe must not fail a save or a start.
using DoJ.Portal.Web.Startup;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// Tells the other instances that a layout cache entry (menu, links, settings, redirects) changed, so
/// they drop their copy at once rather than when it expires: without this, another instance could render
/// a page with its old menu just after the save and store it in the shared page cache. Through Redis
/// pub/sub when Redis is configured; without Redis there are no other instances to tell.
/// </summary>
public sealed partial class LayoutBroadcast(IMemoryCache cache, IServiceProvider services, ILogger<LayoutBroadcast> logger) : IHostedService
{
    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private readonly RedisChannel channel = RedisChannel.Literal(
        (services.GetService<IOptions<PortalRedisOptions>>()?.Value.InstanceName ?? "") + "layout-changed");

    private long version;

    /// <summary>
    /// Changes whenever a layout entry changes here or on another instance: the layout's rendered
    /// fragments (header, menu, footer, link groups) are cached under it, so a change renders them anew.
    /// </summary>
    public string Version => Interlocked.Read(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Drops <paramref name="key"/> here and asks every other instance to drop it too.</summary>
    public async Task ChangedAsync(string key)
    {
        Drop(key);
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(channel, key);
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, key);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(channel, (_, key) =>
            {
                if (key.HasValue)
                {
                    Drop(key.ToString());
                }
            });
        }
        catch (Exception ex)
        {
            // The subscription is made again by the multiplexer when it reconnects; until then entries expire.
            LogSubscribeFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Drop(string key)
    {
        cache.Remove(key);
        Interlocked.Increment(ref version);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances that {Key} changed; their copy expires by itself")]
    private partial void LogPublishFailed(Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to layout changes from the other instances")]
    private partial void LogSubscribeFailed(Exception ex);
}
