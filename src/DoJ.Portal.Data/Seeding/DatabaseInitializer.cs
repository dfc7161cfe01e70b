using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Counting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// Brings a database up to date: migrations, then the rows the portal cannot run without (roles,
/// settings, counters), then the demo content when the database holds no content yet. Every step
/// checks before it writes, so a second start changes nothing.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    DemoContentSeeder demo,
    IOptions<DatabaseOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<DatabaseInitializer> logger)
{
    /// <param name="allowDemoContent">False for commands such as create-admin, which must never load demo articles into a real database.</param>
    public async Task InitializeAsync(bool allowDemoContent = true, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            Directory.CreateDirectory(storage.Value.DataPath);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await EnsureRolesAsync(cancellationToken);
        await EnsureCountersAsync(cancellationToken);
        await demo.EnsureSettingsAsync(cancellationToken);
        await demo.EnsureRegisterTermsAsync(cancellationToken);
        if (allowDemoContent && options.Value.SeedDemoContent && !await db.Categories.AnyAsync(cancellationToken) && !await db.Articles.AnyAsync(cancellationToken))
        {
            await demo.SeedAsync(cancellationToken);
            logger.LogInformation("Loaded the demo content into the empty database");
        }
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in PortalRoles.All.Except(existing))
        {
            db.Roles.Add(new IdentityRole(role!) { NormalizedName = role!.ToUpperInvariant() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureCountersAsync(CancellationToken cancellationToken)
    {
        var existing = await db.SiteCounters.Select(c => c.Name).ToListAsync(cancellationToken);
        foreach (var name in new[] { SiteCounter.Visits, SiteCounter.PageViews }.Except(existing))
        {
            db.SiteCounters.Add(new SiteCounter { Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
