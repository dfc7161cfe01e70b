using System.Net;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary>
/// <c>migrate</c>: the deployment step that brings the database up to date once, so that the instances can
/// start with <c>Database:MigrateOnStartup=false</c> (docs/operations.md).
/// </summary>
public sealed class MigrateCommandTests
{
    private const string AdminEmail = "quantri@stp.example.vn";

    private static Dictionary<string, string?> Production(string dataPath) => new(StringComparer.Ordinal)
    {
        ["Storage:DataPath"] = dataPath,
        ["Database:Provider"] = "Sqlite",
        ["Database:SeedDemoContent"] = "false",
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = "Một-mật-khẩu-đủ-dài-2026",
        ["Serilog:File:Enabled"] = "false",
    };

    private static PortalDbContext Open(string dataPath)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, null, dataPath);
        return new PortalDbContext(options.Options);
    }

    private static async Task<string> SnapshotAsync(string dataPath)
    {
        await using var db = Open(dataPath);
        return string.Join(',',
            await db.Database.SqlQueryRaw<string>("SELECT MigrationId AS Value FROM __EFMigrationsHistory").CountAsync(),
            await db.Roles.CountAsync(),
            await db.Users.CountAsync(),
            await db.SiteSettings.CountAsync(),
            await db.SiteCounters.CountAsync(),
            await db.Categories.CountAsync(),
            await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Migrate_applies_every_migration_to_a_fresh_database_and_a_second_run_changes_nothing()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "migrate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = await PortalCommandRunner.RunAsync(Production(dataPath), "migrate");

            Assert.True(code == 0, output);
            await using (var db = Open(dataPath))
            {
                var all = db.Database.GetMigrations().ToList();
                Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Contains($"Applied {all.Count} migration(s), up to {all[^1]}", output, StringComparison.Ordinal);
                Assert.Equal(PortalRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
                Assert.Equal(2, await db.SiteCounters.CountAsync());
                Assert.Equal(AdminEmail, (await db.Users.SingleAsync()).Email);
                // Database:SeedDemoContent=false: a production database gets no demo articles.
                Assert.Equal(0, await db.Articles.CountAsync());
            }

            var before = await SnapshotAsync(dataPath);
            var (again, againOutput) = await PortalCommandRunner.RunAsync(Production(dataPath), "migrate");

            Assert.True(again == 0, againOutput);
            Assert.Contains("up to date", againOutput, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(dataPath));
        }
        finally
        {
            SqlitePools.Clear(dataPath);
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task After_migrate_an_instance_that_does_not_migrate_serves_the_site()
    {
        using var portal = new PortalWebApplicationFactory().With("Database:MigrateOnStartup", "false");
        var settings = Production(portal.DataPath);
        settings["Database:SeedDemoContent"] = "true";
        var (code, output) = await PortalCommandRunner.RunAsync(settings, "migrate");
        Assert.True(code == 0, output);

        using var client = portal.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Articles.AnyAsync()), "the demo content was not loaded");
    }

    [Fact]
    public async Task An_instance_that_does_not_migrate_leaves_a_fresh_database_alone()
    {
        using var portal = new PortalWebApplicationFactory().With("Database:MigrateOnStartup", "false");

        using var health = await portal.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        await using var db = Open(portal.DataPath);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
    }
}
