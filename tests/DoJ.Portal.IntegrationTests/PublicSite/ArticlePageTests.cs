using System.Net;
using System.Text.Json;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.PublicSite;

public sealed class ArticlePageTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<(int Id, string Slug, int CategoryId)> SeedArticleAsync() =>
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Author == "Tiên An")
            .Select(a => new ValueTuple<int, string, int>(a.Id, a.Slug, a.CategoryId)).SingleAsync());

    [Fact]
    public async Task The_id_alone_and_a_wrong_slug_answer_301_to_the_canonical_url()
    {
        var (id, slug, _) = await SeedArticleAsync();
        var client = factory.CreatePlainClient();

        foreach (var url in new[] { $"/tin-tuc/{id}", $"/tin-tuc/{id}/sai-duong-dan", $"/tin-tuc/{id}/{slug.ToUpperInvariant()}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal($"/tin-tuc/{id}/{slug}", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task The_seed_article_page_has_breadcrumb_date_summary_body_byline_print_and_other_news()
    {
        var (id, slug, categoryId) = await SeedArticleAsync();
        var document = await factory.CreateClient().GetDocumentAsync($"/tin-tuc/{id}/{slug}");

        var crumbs = document.QuerySelectorAll("nav[aria-label='Đường dẫn'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal("Trang chủ", crumbs[0]);
        Assert.Equal("Thi đua – Khen thưởng", crumbs[1]);
        Assert.StartsWith("01 tập thể, 01 cá nhân", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ngày cập nhật 22/01/2021", document.QuerySelector(".article-meta")!.TextContent.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Contains("Thứ sáu, phát hiện", document.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tiên An", document.QuerySelector(".article-byline")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("button[data-print]"));
        Assert.NotNull(document.QuerySelector("link[rel=stylesheet][media=print]"));

        var others = document.QuerySelectorAll("#cac-tin-khac ~ ul a").Select(a => a.GetAttribute("href")!).ToList();
        var expected = await factory.WithDbAsync(db => db.Articles
            .Where(Domain.Articles.Article.IsPublicAt(factory.Clock.GetUtcNow().UtcDateTime))
            .Where(a => a.CategoryId == categoryId && a.Id != id)
            .OrderByDescending(a => a.PublishedAtUtc).Take(10)
            .Select(a => "/tin-tuc/" + a.Id + "/" + a.Slug).ToListAsync());
        Assert.NotEmpty(others);
        Assert.Equal(expected, others);
    }

    [Fact]
    public async Task Metadata_uses_the_configured_base_url_whatever_the_Host_header()
    {
        var (id, slug, _) = await SeedArticleAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var document = await client.GetDocumentAsync($"/tin-tuc/{id}/{slug}");

        var canonical = $"https://portal.example.vn/tin-tuc/{id}/{slug}";
        Assert.Equal(canonical, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical, document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.StartsWith("01 tập thể", document.QuerySelector("meta[name='DC.title']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("vi", document.QuerySelector("meta[name='DC.language']")!.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("meta[name='description']"));
        Assert.DoesNotContain("evil.example", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_carries_NewsArticle_json_ld_that_parses()
    {
        var (id, slug, _) = await SeedArticleAsync();
        var document = await factory.CreateClient().GetDocumentAsync($"/tin-tuc/{id}/{slug}");

        var json = document.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var data = JsonDocument.Parse(json);
        var root = data.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.StartsWith("01 tập thể", root.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Equal("2021-01-22T02:00:00Z", root.GetProperty("datePublished").GetString());
        Assert.Equal("Tiên An", root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal($"https://portal.example.vn/tin-tuc/{id}/{slug}", root.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Json_ld_cannot_be_closed_by_a_title_containing_a_script_end_tag()
    {
        var article = await factory.AddArticleAsync("Tiêu đề </script><script>alert(1)</script>", "thong-bao", factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        var html = await factory.CreateClient().GetStringAsync(new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var document = await HtmlReader.ParseAsync(html);
        using var data = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Tiêu đề </script><script>alert(1)</script>", data.RootElement.GetProperty("headline").GetString());
    }

    [Theory]
    [InlineData("/tin-tuc/0")]
    [InlineData("/tin-tuc/-5")]
    [InlineData("/tin-tuc/999999")]
    [InlineData("/tin-tuc/99999999999999")]
    [InlineData("/tin-tuc/abc")]
    [InlineData("/tin-tuc/999999/khong-co")]
    public async Task An_unknown_article_is_a_Vietnamese_404_page(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Không tìm thấy trang", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("header .site-name"));
    }
}
