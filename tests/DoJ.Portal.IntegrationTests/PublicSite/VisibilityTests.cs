using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>One definition of "public": a non-public article is a 404 and appears nowhere.</summary>
public sealed class VisibilityTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string Category = "cai-cach-hanh-chinh";
    private static readonly DateTime Day = new(2022, 6, 15, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Drafts_submitted_scheduled_unpublished_and_deleted_articles_appear_nowhere()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var visible = await factory.AddArticleAsync("Tin công khai đối chứng", Category, Day);
        var hidden = new List<Article>
        {
            await factory.AddArticleAsync("Tin nháp bí mật", Category, Day.AddMinutes(1), ArticleStatus.Draft),
            await factory.AddArticleAsync("Tin chờ duyệt bí mật", Category, Day.AddMinutes(2), ArticleStatus.Submitted),
            await factory.AddArticleAsync("Tin gỡ xuống bí mật", Category, Day.AddMinutes(3), ArticleStatus.Unpublished),
            await factory.AddArticleAsync("Tin đã xóa bí mật", Category, Day.AddMinutes(4), ArticleStatus.Published, isDeleted: true),
            await factory.AddArticleAsync("Tin hẹn giờ bí mật", Category, now.AddDays(3)),
        };
        var client = factory.CreateClient();
        var scheduledDay = SiteUrlsDay(VietnamTime.DayOf(now.AddDays(3)));
        string[] pages =
        [
            "/", $"/chuyen-muc/{Category}", "/tin-theo-ngay/2022-06-15", scheduledDay, "/rss", $"/rss/{Category}", "/sitemap.xml",
            $"/tin-tuc/{visible.Id}/{visible.Slug}",
        ];

        var contents = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            contents[page] = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        }

        Assert.Contains("Tin công khai đối chứng", contents[$"/chuyen-muc/{Category}"], StringComparison.Ordinal);
        Assert.Contains("Tin công khai đối chứng", contents["/tin-theo-ngay/2022-06-15"], StringComparison.Ordinal);
        Assert.Contains("1 tin bài.", contents["/tin-theo-ngay/2022-06-15"], StringComparison.Ordinal);
        Assert.Contains("Không có tin bài nào", contents[scheduledDay], StringComparison.Ordinal);
        foreach (var article in hidden)
        {
            foreach (var (page, html) in contents)
            {
                Assert.False(html.Contains(article.Title, StringComparison.Ordinal), $"'{article.Title}' appears on {page}");
                Assert.False(html.Contains($"/tin-tuc/{article.Id}/", StringComparison.Ordinal), $"a link to '{article.Title}' appears on {page}");
            }

            foreach (var url in new[] { $"/tin-tuc/{article.Id}/{article.Slug}", $"/tin-tuc/{article.Id}" })
            {
                using var response = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_scheduled_article_appears_by_itself_when_the_clock_passes_its_time()
    {
        var clock = factory.Clock;
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Tin hẹn giờ tự đăng"), "thong-bao", clock.GetUtcNow().UtcDateTime.AddHours(2));
        var client = factory.CreateClient();
        var url = new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative);

        using (var before = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(2));

        using var after = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(article.Title, await client.GetStringAsync(new Uri("/rss/thong-bao", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static string SiteUrlsDay(DateOnly day) => DoJ.Portal.Web.Navigation.SiteUrls.Day(day);
}
