using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>Category pages and the day archive: order, paging and the Vietnam day.</summary>
public sealed class ListingTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static readonly DateTime Base = new(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_category_lists_its_articles_newest_first_ten_a_page_with_a_pager()
    {
        // 23 articles in a category of their own making: pages of 10, 10 and 3.
        var titles = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var title = $"Tin phân trang số {i:00}";
            titles.Add(title);
            await factory.AddArticleAsync(title, "bo-tro-tu-phap", Base.AddHours(i));
        }

        var client = factory.CreateClient();
        var page1 = await client.GetDocumentAsync("/chuyen-muc/bo-tro-tu-phap");
        var page2 = await client.GetDocumentAsync("/chuyen-muc/bo-tro-tu-phap?trang=2");
        var page3 = await client.GetDocumentAsync("/chuyen-muc/bo-tro-tu-phap?trang=3");

        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelectorAll("main .article-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(13, 10).Reverse().Select(i => $"Tin phân trang số {i:00}"), Titles(page1));
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Tin phân trang số {i:00}"), Titles(page2));
        Assert.Equal(5, Titles(page3).Count); // 3 of ours and the 2 demo articles of the category, which are older

        var pager = page2.QuerySelector("nav.pager")!;
        Assert.Equal("Phân trang", pager.GetAttribute("aria-label"));
        Assert.Equal("2", pager.QuerySelector("[aria-current=page]")!.TextContent.Trim());
        Assert.Equal("/chuyen-muc/bo-tro-tu-phap", pager.QuerySelector("a[aria-label='Trang trước']")!.GetAttribute("href"));
        Assert.Equal("/chuyen-muc/bo-tro-tu-phap?trang=3", pager.QuerySelector("a[aria-label='Trang sau']")!.GetAttribute("href"));
        Assert.Equal("https://portal.example.vn/chuyen-muc/bo-tro-tu-phap?trang=2", page2.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("01/05/2024", page3.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pager_links_keep_the_other_query_values()
    {
        for (var i = 0; i < 12; i++)
        {
            await factory.AddArticleAsync($"Tin giữ tham số {i}", "tro-giup-phap-ly", Base.AddDays(-30).AddHours(i));
        }

        var page = await factory.CreateClient().GetDocumentAsync("/chuyen-muc/tro-giup-phap-ly?nguon=rss&trang=1");

        var next = page.QuerySelector("nav.pager a[aria-label='Trang sau']")!.GetAttribute("href");
        Assert.Equal("/chuyen-muc/tro-giup-phap-ly?nguon=rss&trang=2", next);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("2.5")]
    [InlineData("99999999999999999999")]
    [InlineData("%2B1")]
    public async Task An_invalid_page_number_is_a_Vietnamese_400_page(string trang)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri($"/chuyen-muc/thong-bao?trang={trang}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Yêu cầu không hợp lệ", document.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_page_past_the_end_says_so_with_a_link_to_the_first_page()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/chuyen-muc/thong-bao?trang=500", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Trang 500 không có tin bài", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("main a[href='/chuyen-muc/thong-bao']"));
    }

    [Theory]
    [InlineData("/chuyen-muc/khong-ton-tai")]
    [InlineData("/chuyen-muc/Thong-Bao")]
    [InlineData("/chuyen-muc/..%2F..%2Fetc")]
    public async Task An_unknown_category_is_a_404(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_article_published_at_23_30_UTC_is_listed_on_the_next_Vietnam_day()
    {
        var title = TestArticles.UniqueTitle("Tin lúc nửa đêm");
        await factory.AddArticleAsync(title, "thong-bao", new DateTime(2023, 3, 21, 23, 30, 0, DateTimeKind.Utc));
        var client = factory.CreateClient();

        var day22 = await client.GetStringAsync(new Uri("/tin-theo-ngay/2023-03-22", UriKind.Relative));
        var day21 = await client.GetStringAsync(new Uri("/tin-theo-ngay/2023-03-21", UriKind.Relative));

        Assert.Contains(title, day22, StringComparison.Ordinal);
        Assert.Contains("22/03/2023", day22, StringComparison.Ordinal);
        Assert.DoesNotContain(title, day21, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_archive_of_22_01_2021_lists_the_seed_award_report()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/tin-theo-ngay/2021-01-22");
        var titles = document.QuerySelectorAll("main .article-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal("Tin ngày 22/01/2021", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(titles, t => t.StartsWith("01 tập thể, 01 cá nhân", StringComparison.Ordinal));
        Assert.Equal(3, titles.Count);
    }

    [Theory]
    [InlineData("?ngay=22/01/2021")]
    [InlineData("?ngay=2021-01-22")]
    public async Task The_sidebar_date_form_is_redirected_to_the_canonical_day_url(string query)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri("/tin-theo-ngay" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/tin-theo-ngay/2021-01-22", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/tin-theo-ngay?ngay=31/02/2021")]
    [InlineData("/tin-theo-ngay?ngay=22/01/99999")]
    [InlineData("/tin-theo-ngay?ngay=")]
    [InlineData("/tin-theo-ngay")]
    [InlineData("/tin-theo-ngay/2021-02-31")]
    [InlineData("/tin-theo-ngay/99999-01-01")]
    [InlineData("/tin-theo-ngay/22-01-2021")]
    [InlineData("/tin-theo-ngay/2021-01-22?trang=0")]
    public async Task Impossible_dates_are_a_400_never_a_500(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_day_without_articles_says_so()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/tin-theo-ngay/2001-01-01");
        Assert.Contains("Không có tin bài nào được đăng ngày 01/01/2001", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
