using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// The home page's lists and an article's "Các tin khác" are kept between requests (<c>LatestArticlesCache</c>) on a
/// cache miss: with the page cache off, what they show changes exactly when a query's answer would, on every host
/// sharing the database (a save on another host, a scheduled article coming due, a category renamed).
/// </summary>
public sealed class LatestListsTests
{
    private const string Category = "tin-hoat-dong";

    private static PortalWebApplicationFactory Host(string? dataPath = null)
    {
        var host = new PortalWebApplicationFactory().With("OutputCache:Enabled", "false");
        if (dataPath is not null)
        {
            host.With("Storage:DataPath", dataPath).With("Search:IndexPath", Path.Combine(dataPath, "index-" + Guid.NewGuid().ToString("N")[..6]));
        }

        _ = host.Server;
        return host;
    }

    private static async Task<string> PageAsync(PortalWebApplicationFactory host, string url) =>
        WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative)));

    /// <summary>The titles in the home page's block of <paramref name="categorySlug"/>, in order.</summary>
    private static async Task<List<string>> BlockAsync(PortalWebApplicationFactory host, string categorySlug) =>
        (await host.CreateClient().GetDocumentAsync("/")).QuerySelectorAll($"section[aria-labelledby='khoi-{categorySlug}'] li a")
            .Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The titles of "Các tin khác" on an article's page, in order.</summary>
    private static async Task<List<string>> OthersAsync(PortalWebApplicationFactory host, Article article) =>
        (await host.CreateClient().GetDocumentAsync($"/tin-tuc/{article.Id}/{article.Slug}")).QuerySelectorAll(".other-news li a")
            .Select(a => a.TextContent.Trim()).ToList();

    private static Task<Article> NewestPublicAsync(PortalWebApplicationFactory host, string categorySlug) =>
        host.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.Category!.Slug == categorySlug)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).FirstAsync());

    [Fact]
    public async Task An_article_published_and_taken_down_on_host_A_shows_and_leaves_host_B_home_and_other_news_at_once()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "latest-lists-" + Guid.NewGuid().ToString("N"));
        using var hostA = Host(shared);
        using var hostB = Host(shared);
        var neighbour = await NewestPublicAsync(hostB, Category);
        var title = TestArticles.UniqueTitle("Tin xuất bản trên máy A");
        var article = await hostA.WithDbAsync(async db =>
        {
            var draft = new ArticleBuilder().Titled(title).WithSlug("tin-may-a-" + Guid.NewGuid().ToString("N")[..6])
                .InCategory(await db.Categories.Where(c => c.Slug == Category).Select(c => c.Id).SingleAsync())
                .WithStatus(ArticleStatus.Draft).WithPublishTime(null).CreatedAt(hostA.Clock.GetUtcNow().UtcDateTime.AddDays(-1)).Build();
            db.Articles.Add(draft);
            await db.SaveChangesAsync();
            return draft;
        });

        // Host B has read its lists (the draft is in no list).
        Assert.DoesNotContain(title, await PageAsync(hostB, "/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await OthersAsync(hostB, neighbour));

        var editor = await StaffSession.SignInAsync(hostA, PortalRoles.Editor);
        using (var published = await editor.PostFormAsync($"/quan-tri/bai-viet/{article.Id}/sua", $"/quan-tri/bai-viet/{article.Id}/xuat-ban", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        // No message reaches B (no Redis): B sees the saved row through the stamp it reads with every page.
        Assert.Equal(title, (await BlockAsync(hostB, Category))[0]);
        Assert.Contains($"/tin-tuc/{article.Id}/", await PageAsync(hostB, "/"), StringComparison.Ordinal);
        Assert.Equal(title, (await OthersAsync(hostB, neighbour))[0]);

        using (var unpublished = await editor.PostFormAsync($"/quan-tri/bai-viet/{article.Id}/sua", $"/quan-tri/bai-viet/{article.Id}/go-xuong", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        Assert.DoesNotContain(title, await PageAsync(hostB, "/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await OthersAsync(hostB, neighbour));
        Assert.Equal(neighbour.Title, (await BlockAsync(hostB, Category))[0]);
    }

    [Fact]
    public async Task A_scheduled_article_enters_the_home_page_and_other_news_when_its_time_comes_with_nothing_saved()
    {
        using var host = Host();
        var neighbour = await NewestPublicAsync(host, Category);
        var scheduled = await host.AddArticleAsync(TestArticles.UniqueTitle("Tin hẹn giờ trên trang chủ"), Category, host.Clock.GetUtcNow().UtcDateTime.AddHours(2));

        Assert.DoesNotContain(scheduled.Title, await PageAsync(host, "/"), StringComparison.Ordinal);
        Assert.Equal(neighbour.Title, (await BlockAsync(host, Category))[0]);
        Assert.DoesNotContain(scheduled.Title, await OthersAsync(host, neighbour));

        host.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(scheduled.Title, (await BlockAsync(host, Category))[0]);
        var home = (await host.CreateClient().GetDocumentAsync("/")).QuerySelectorAll(".article-list .article-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(scheduled.Title, home[0]);
        Assert.Equal(scheduled.Title, (await OthersAsync(host, neighbour))[0]);
        Assert.DoesNotContain(scheduled.Title, await OthersAsync(host, scheduled));
    }

    [Fact]
    public async Task A_category_renamed_shows_its_new_name_in_the_home_page_lists_at_once()
    {
        using var host = Host();
        // The newest article of the site: first in "Tin mới nhất", with its category's name beside it.
        var newest = await host.AddArticleAsync(TestArticles.UniqueTitle("Tin mới của chuyên mục"), Category, host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        Assert.Contains(newest.Title, await PageAsync(host, "/"), StringComparison.Ordinal);

        // What the category editor does: save, then announce the change.
        var renamed = "Hoạt động của Sở " + Guid.NewGuid().ToString("N")[..6];
        await host.WithDbAsync(async db =>
        {
            (await db.Categories.SingleAsync(c => c.Slug == Category)).Name = renamed;
            await db.SaveChangesAsync();
        });
        await host.Services.GetRequiredService<PublicCache>().CategoriesChangedAsync();

        var page = await host.CreateClient().GetDocumentAsync("/");
        Assert.Equal(renamed, page.QuerySelector($"#khoi-{Category}")!.TextContent.Trim());
        var first = page.QuerySelector(".article-list .article-item")!;
        Assert.Equal(newest.Title, first.QuerySelector(".article-title")!.TextContent.Trim());
        Assert.Equal(renamed, first.QuerySelector(".article-meta a")!.TextContent.Trim());
    }
}
