using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Foundation;

public sealed class HomePageTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    [Fact]
    public async Task Home_page_shows_the_latest_published_articles_inside_the_layout()
    {
        var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sở Tư pháp thành phố Huế", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tôn Đức Thắng", document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);

        var expected = await factory.WithDbAsync(db => db.Articles
            .Where(Article.IsPublicAt(factory.Clock.GetUtcNow().UtcDateTime))
            .OrderByDescending(a => a.PublishedAtUtc).Take(10).Select(a => a.Title).ToListAsync());
        var shown = document.QuerySelectorAll("section[aria-labelledby=tin-moi-nhat] .article-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Vietnamese_text_is_sent_as_utf8_not_as_character_references()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Sở Tư pháp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, false)]
    [InlineData(ArticleStatus.Submitted, false)]
    [InlineData(ArticleStatus.Unpublished, false)]
    [InlineData(ArticleStatus.Published, true)]
    public async Task Only_a_published_article_whose_time_has_come_appears_on_the_home_page(ArticleStatus status, bool shown)
    {
        var title = $"Tin kiểm thử {status} {Guid.NewGuid():N}";
        await AddArticleAsync(title, status, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));

        var html = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(shown, html.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_or_scheduled_article_is_not_on_the_home_page()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var deleted = $"Tin đã xóa {Guid.NewGuid():N}";
        var scheduled = $"Tin hẹn giờ {Guid.NewGuid():N}";
        await AddArticleAsync(deleted, ArticleStatus.Published, now.AddMinutes(-1), isDeleted: true);
        await AddArticleAsync(scheduled, ArticleStatus.Published, now.AddMinutes(5));

        var html = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain(deleted, html, StringComparison.Ordinal);
        Assert.DoesNotContain(scheduled, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_scheduled_article_and_drafts_stay_hidden()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var hidden = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status != ArticleStatus.Published || a.PublishedAtUtc > now)
            .Select(a => new { a.Title, a.Status }).ToListAsync());
        // The demo content alone (other tests of this class add more): drafts, a submitted and a scheduled article.
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Draft);
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Submitted);
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Published);

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.All(hidden, a => Assert.DoesNotContain(a.Title, html, StringComparison.Ordinal));
    }

    private async Task AddArticleAsync(string title, ArticleStatus status, DateTime publishedAtUtc, bool isDeleted = false)
    {
        var category = await factory.WithDbAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync());
        await factory.AddArticleAsync(title, category, publishedAtUtc, status, isDeleted);
    }
}
