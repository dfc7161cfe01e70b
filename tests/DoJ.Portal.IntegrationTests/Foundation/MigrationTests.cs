using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Foundation;

public sealed class MigrationTests
{
    private static PortalDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, provider, connectionString, Path.GetTempPath());
        return new PortalDbContext(options.Options);
    }

    [Fact]
    public void The_Sqlite_migrations_match_the_model()
    {
        using var db = CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "run scripts/add-migration.sh: the SQLite migrations lag the model");
    }

    [Fact]
    public void The_SqlServer_migrations_match_the_model()
    {
        // The connection is never opened: comparing the snapshot with the model needs none.
        using var db = CreateContext(DatabaseProvider.SqlServer, "Server=unused;Database=DoJPortal;TrustServerCertificate=True");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "run scripts/add-migration.sh: the SQL Server migrations lag the model");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqlServer = CreateContext(DatabaseProvider.SqlServer, "Server=unused;Database=DoJPortal");
        static IEnumerable<string> Names(PortalDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void The_SqlServer_idempotent_script_generates()
    {
        using var db = CreateContext(DatabaseProvider.SqlServer, "Server=unused;Database=DoJPortal");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Articles]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("[ConcurrencyStamp] uniqueidentifier", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_SQLite_database_is_migrated_and_seeded_with_the_demo_content()
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;

        var counts = await factory.WithDbAsync(async db => new
        {
            Pending = (await db.Database.GetPendingMigrationsAsync()).Count(),
            Categories = await db.Categories.CountAsync(),
            Published = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            Drafts = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Draft),
            Pages = await db.StaticPages.CountAsync(),
            Groups = await db.LinkGroups.CountAsync(),
            Links = await db.Links.CountAsync(),
            Roles = await db.Roles.CountAsync(),
            Settings = await db.SiteSettings.CountAsync(),
            Menu = await db.MenuItems.CountAsync(),
            Redirects = await db.Redirects.CountAsync(),
            Revisions = await db.ArticleRevisions.CountAsync(),
        });

        Assert.Equal(0, counts.Pending);
        // The demo "Hỏi đáp pháp luật" articles became questions (DemoQuestionSeeder): their category is gone.
        Assert.Equal(9, counts.Categories);
        Assert.InRange(counts.Published, 27, 29);
        Assert.True(counts.Drafts >= 1);
        Assert.True(counts.Pages >= 4);
        Assert.Equal(4, counts.Groups);
        Assert.True(counts.Links >= 8);
        Assert.Equal(3, counts.Roles);
        Assert.Equal(1, counts.Settings);
        Assert.True(counts.Menu >= 5);
        // The legacy article and category, and the old question articles (two each), their category and its feed.
        Assert.Equal(10, counts.Redirects);
        Assert.True(counts.Revisions >= counts.Published);
    }

    [Fact]
    public async Task The_seed_award_report_is_in_Thi_dua_Khen_thuong_on_22_01_2021_with_its_byline()
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;

        var award = await factory.WithDbAsync(db => db.Articles.Include(a => a.Category)
            .SingleAsync(a => a.Title.StartsWith("01 tập thể, 01 cá nhân cơ quan Sở Tư pháp")));

        Assert.Equal("Thi đua – Khen thưởng", award.Category!.Name);
        Assert.Equal(new DateOnly(2021, 1, 22), Domain.Time.VietnamTime.DayOf(award.PublishedAtUtc!.Value));
        Assert.Equal("Tiên An", award.Author);
        Assert.Contains("bình đăng giới", award.Body, StringComparison.Ordinal);
        Assert.Equal(DateTimeKind.Utc, award.PublishedAtUtc!.Value.Kind);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;
        var before = await SnapshotAsync(factory);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        using var second = new PortalWebApplicationFactory().With("Storage:DataPath", factory.DataPath);
        _ = second.Server;

        Assert.Equal(before, await SnapshotAsync(factory));
    }

    private static Task<string> SnapshotAsync(PortalWebApplicationFactory factory) =>
        factory.WithDbAsync(async db => string.Join(',',
            await db.Categories.CountAsync(),
            await db.Articles.CountAsync(),
            await db.ArticleRevisions.CountAsync(),
            await db.StaticPages.CountAsync(),
            await db.LinkGroups.CountAsync(),
            await db.Links.CountAsync(),
            await db.MenuItems.CountAsync(),
            await db.Redirects.CountAsync(),
            await db.Roles.CountAsync(),
            await db.Users.CountAsync(),
            await db.SiteSettings.CountAsync(),
            await db.SiteCounters.CountAsync()));
}
