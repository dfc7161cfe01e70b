using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary><c>generate</c>: the benchmark dataset (issue 10, docs/performance.md "Dataset").</summary>
public sealed class GenerateCommandTests
{
    private static PortalDbContext Open(string dataPath)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, null, dataPath);
        return new PortalDbContext(options.Options);
    }

    [Fact]
    public async Task Generate_fills_an_empty_database_with_articles_a_menu_and_a_search_index_and_the_home_page_shows_every_category()
    {
        using var factory = new PortalWebApplicationFactory().With("Database:SeedDemoContent", "false");
        var (code, output) = await PortalCommandRunner.RunAsync(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:DataPath"] = factory.DataPath,
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoContent"] = "false",
            ["Serilog:File:Enabled"] = "false",
        }, "generate", "--articles", "400");

        Assert.True(code == 0, output);
        Assert.Contains("Search index rebuilt", output, StringComparison.Ordinal);
        await using (var db = Open(factory.DataPath))
        {
            Assert.Equal(400, await db.Articles.CountAsync());
            var categories = await db.Categories.CountAsync();
            Assert.True(categories >= 5, $"{categories} categories");
            Assert.Equal(categories, await db.MenuItems.CountAsync(m => m.Kind == MenuItemKind.Category && m.IsEnabled));
            Assert.Equal(1, await db.MenuItems.CountAsync(m => m.Kind == MenuItemKind.Url && m.Url == "/"));
        }

        var home = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Equal(
            await factory.WithDbAsync(db => db.Categories.CountAsync()),
            home.QuerySelectorAll("section.category-block").Length);
        Assert.NotEmpty(home.QuerySelectorAll("section.category-block a[href^='/tin-tuc/']"));
    }
}
