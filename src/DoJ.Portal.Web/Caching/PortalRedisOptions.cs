namespace DoJ.Portal.Web.Caching;

/// <summary>The <c>Redis</c> section. Redis is optional: with no <see cref="Configuration"/> nothing uses it.</summary>
public sealed class PortalRedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>; empty means no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key, so several portals can share one Redis.</summary>
    public string InstanceName { get; set; } = "doj-portal:";
}
