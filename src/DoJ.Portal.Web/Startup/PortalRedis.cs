using DoJ.Portal.Web.Caching;
using StackExchange.Redis;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// Registers one <see cref="IConnectionMultiplexer"/> when <c>Redis:Configuration</c> is set. It connects
/// lazily and never aborts: the portal starts and keeps serving while Redis is down, and the multiplexer
/// reconnects by itself when Redis comes back. Every user of Redis falls back to this instance's own work.
/// </summary>
public static class PortalRedis
{
    /// <summary>
    /// Adds the multiplexer once (calling again adds nothing); true when Redis is configured, and the caller
    /// then adds what uses it.
    /// </summary>
    public static bool AddPortalRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PortalRedisOptions.Section).Get<PortalRedisOptions>() ?? new PortalRedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return false;
        }

        if (services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
        {
            return true;
        }

        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        var redis = ConfigurationOptions.Parse(options.Configuration);
        redis.AbortOnConnectFail = false;
        // While disconnected a command fails at once instead of waiting in a queue: every user of Redis
        // has a local fallback, and a reader must never wait for Redis.
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            redis.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(redis);
        });
        return true;
    }
}
