using System.Net;
using System.Xml.Linq;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.PublicSite;

public sealed class FeedTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<XDocument> GetXmlAsync(string url, string expectedType)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_main_feed_is_valid_RSS_2_with_the_newest_public_articles_and_absolute_links()
    {
        var rss = await GetXmlAsync("/rss", "application/rss+xml");

        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("Sở Tư pháp thành phố Huế", channel.Element("title")!.Value);
        Assert.Equal("vi", channel.Element("language")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(20, items.Count);
        Assert.All(items, i => Assert.StartsWith("https://portal.example.vn/tin-tuc/", i.Element("link")!.Value, StringComparison.Ordinal));
        var dates = items.Select(i => DateTimeOffset.Parse(i.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task A_category_feed_holds_only_that_category()
    {
        var rss = await GetXmlAsync("/rss/thi-dua-khen-thuong", "application/rss+xml");

        var categories = rss.Descendants("item").Select(i => i.Element("category")!.Value).Distinct().ToList();
        Assert.Equal(["Thi đua – Khen thưởng"], categories);
        Assert.Contains(rss.Descendants("item"), i => i.Element("title")!.Value.StartsWith("01 tập thể", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_category_feed_is_a_404()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/rss/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_is_an_index_of_the_fixed_pages_file_and_the_article_files_on_the_base_url()
    {
        var sitemap = await SitemapReader.ReadAsync(factory.CreateClient());

        // The demo's ids are far below one file's range: one file per kind that has content.
        Assert.Equal("https://portal.example.vn/sitemap-trang.xml", sitemap.Files[0]);
        Assert.Contains("https://portal.example.vn/sitemap-tin-tuc-0.xml", sitemap.Files);
        Assert.DoesNotContain(sitemap.Files, f => f.Contains("-1.xml", StringComparison.Ordinal));
        var pages = sitemap.Locations["https://portal.example.vn/sitemap-trang.xml"];
        Assert.Contains("https://portal.example.vn/", pages);
        Assert.Contains("https://portal.example.vn/chuyen-muc/thi-dua-khen-thuong", pages);
        Assert.Contains("https://portal.example.vn/trang/lien-he", pages);
        Assert.Contains("https://portal.example.vn/en", pages);
        Assert.Contains("https://portal.example.vn/thu-tuc-hanh-chinh", pages);
        Assert.Contains("https://portal.example.vn/gioi-thieu/lanh-dao", pages);
        Assert.Contains(pages, l => l.StartsWith("https://portal.example.vn/thu-tuc-hanh-chinh/", StringComparison.Ordinal));
        var articles = sitemap.Locations["https://portal.example.vn/sitemap-tin-tuc-0.xml"];
        Assert.Equal(27, articles.Count);
        Assert.All(articles, l => Assert.StartsWith("https://portal.example.vn/tin-tuc/", l, StringComparison.Ordinal));
        Assert.Equal(27, sitemap.All.Count(l => l.Contains("/tin-tuc/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin_area()
    {
        var robots = await factory.CreateClient().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: https://portal.example.vn/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /quan-tri/", robots, StringComparison.Ordinal);
    }
}
