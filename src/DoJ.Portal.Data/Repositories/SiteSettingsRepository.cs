using DoJ.Portal.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

public sealed class SiteSettingsRepository(PortalDbContext db)
{
    /// <summary>The settings row; the initializer guarantees it exists once migrations have run.</summary>
    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken)
        ?? new SiteSettings();
}
