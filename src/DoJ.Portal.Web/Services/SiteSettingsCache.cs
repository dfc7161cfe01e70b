using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Settings;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Services;

/// <summary>The settings row, read once per minute at most; an admin save evicts it through <see cref="PublicCache"/>.</summary>
public sealed class SiteSettingsCache(IMemoryCache cache, SiteSettingsRepository repository)
{
    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKeys.SiteSettings, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return repository.GetAsync(cancellationToken);
        }))!;

    public void Evict() => cache.Remove(CacheKeys.SiteSettings);
}
