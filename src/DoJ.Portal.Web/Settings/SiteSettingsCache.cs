using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Settings;

/// <summary>The settings row, read once per minute at most; an admin save evicts it through <see cref="PublicCache"/>.</summary>
public sealed class SiteSettingsCache(IMemoryCache cache, SiteSettingsRepository repository, SiteUrls urls)
{
    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKeys.SiteSettings, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var settings = await repository.GetAsync(cancellationToken);
            // Another instance may have changed the base URL: it is picked up with the settings, within a minute.
            urls.UseSettings(settings.BaseUrl);
            return settings;
        }))!;

    public void Evict() => cache.Remove(CacheKeys.SiteSettings);
}
