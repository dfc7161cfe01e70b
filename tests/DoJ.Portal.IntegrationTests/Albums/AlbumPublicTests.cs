using System.Globalization;
using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DoJ.Portal.Testing.Web.HtmlReader;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Albums;

public sealed class AlbumPublicTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<HttpResponseMessage> GetAsync(string url) => await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_album_page_shows_every_photo_with_its_caption_alt_text_and_a_link_to_the_large_image()
    {
        var album = await factory.AddAlbumAsync("Hội nghị tổng kết công tác tư pháp", photos: 3);

        var page = await factory.CreatePlainClient().GetDocumentAsync($"/thu-vien-anh/{album.Id}/{album.Slug}");

        Assert.Equal("Hội nghị tổng kết công tác tư pháp", page.QuerySelector("h1")!.TextContent.Trim());
        var links = page.QuerySelectorAll("[data-lightbox-group] a[data-lightbox]");
        Assert.Equal(3, links.Length);
        Assert.All(links, a => Assert.EndsWith("-1280.jpg", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("Toàn cảnh hội nghị 1", links[0].QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Chú thích ảnh 2", page.QuerySelectorAll("figcaption")[1].TextContent.Trim());
        Assert.Contains("20/11/2026", page.QuerySelector(".article-meta")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/thu-vien-anh/{album.Id}/{album.Slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("-1280.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name='DC.title']"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sai-duong-dan")]
    [InlineData("/HOI-NGHI")]
    public async Task A_missing_or_wrong_slug_answers_301_to_the_canonical_address(string slug)
    {
        var album = await factory.AddAlbumAsync("Hội nghị trực tuyến");

        using var response = await GetAsync($"/thu-vien-anh/{album.Id}{slug}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/thu-vien-anh/{album.Id}/{album.Slug}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/thu-vien-anh/999999/khong-co")]
    [InlineData("/thu-vien-anh/0/khong-co")]
    [InlineData("/thu-vien-anh/99999999999999999999/qua-lon")]
    [InlineData("/thu-vien-anh/abc")]
    public async Task Unknown_albums_answer_the_Vietnamese_404_page(string url)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_malformed_page_number_answers_400_never_500(string page)
    {
        using var response = await GetAsync($"/thu-vien-anh?trang={page}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_list_is_paged_newest_first_with_cover_date_and_photo_count()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 13; i++)
        {
            await factory.AddAlbumAsync(Invariant($"Album phân trang {i:D2}"), publishedAtUtc: now.AddHours(-100 + i), photos: 2);
        }

        var first = await factory.CreatePlainClient().GetDocumentAsync("/thu-vien-anh");
        var titles = first.QuerySelectorAll(".album-card-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(12, titles.Count);
        Assert.True(titles.IndexOf("Album phân trang 12") < titles.IndexOf("Album phân trang 11"));
        var card = first.QuerySelectorAll(".album-card").First(c => c.TextContent.Contains("Album phân trang 12", StringComparison.Ordinal));
        Assert.Contains("20/11/2026", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("2 ảnh", card.QuerySelector("[data-photo-count]")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector("img"));

        using var second = await GetAsync("/thu-vien-anh?trang=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var past = await GetAsync("/thu-vien-anh?trang=500");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, false)]
    [InlineData(ArticleStatus.Submitted, false)]
    [InlineData(ArticleStatus.Unpublished, false)]
    [InlineData(ArticleStatus.Published, true)]
    public async Task Albums_that_are_not_public_are_hidden_everywhere(ArticleStatus status, bool deleted)
    {
        // A published album in the bin, and the other states, are not public; so is one scheduled for tomorrow.
        var title = Invariant($"Album ẩn {status} {Guid.NewGuid():N}");
        var hidden = await factory.AddAlbumAsync(title, status, deleted: deleted);
        var scheduled = await factory.AddAlbumAsync(title + " hẹn giờ", ArticleStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var articleId = await ArticleShowingAsync(hidden.Id);

        foreach (var album in new[] { hidden, scheduled })
        {
            using var page = await GetAsync($"/thu-vien-anh/{album.Id}/{album.Slug}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        Assert.DoesNotContain(title, await (await GetAsync("/thu-vien-anh")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/thu-vien-anh/{hidden.Id}/", (await SitemapReader.ReadAsync(factory.CreatePlainClient())).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, await (await GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var article = await (await GetAsync($"/tin-tuc/{articleId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("album-cua-bai", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_album_is_in_the_sitemap_the_home_block_and_under_the_article_that_names_it()
    {
        var album = await factory.AddAlbumAsync(Invariant($"Album công khai {Guid.NewGuid():N}"), photos: 8, publishedAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        var articleId = await ArticleShowingAsync(album.Id);

        Assert.Contains($"/thu-vien-anh/{album.Id}/{album.Slug}</loc>", (await SitemapReader.ReadAsync(factory.CreatePlainClient())).Text, StringComparison.Ordinal);
        var home = await factory.CreatePlainClient().GetDocumentAsync("/");
        Assert.Contains(album.Title, home.QuerySelector(".latest-albums")!.TextContent, StringComparison.Ordinal);

        var client = factory.CreatePlainClient();
        using var redirect = await client.GetAsync(new Uri($"/tin-tuc/{articleId}", UriKind.Relative));
        var article = await client.GetDocumentAsync(redirect.Headers.Location?.OriginalString ?? $"/tin-tuc/{articleId}");
        var block = article.QuerySelector(".article-album")!;
        Assert.Contains(album.Title, block.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, block.QuerySelectorAll("a[data-lightbox]").Length);
        Assert.Contains("Xem tất cả 8 ảnh", block.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_album_appears_by_itself_when_its_time_comes()
    {
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var album = await factory.AddAlbumAsync(Invariant($"Album hẹn giờ {Guid.NewGuid():N}"), ArticleStatus.Published, at);
        Assert.DoesNotContain(album.Title, await (await GetAsync("/thu-vien-anh")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // No save happens when the time comes: the watcher evicts the cached list.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var watcher = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DoJ.Portal.Web.Caching.ScheduledPublishWatcher>().Single();
        await watcher.EvictDueAsync(at.AddMinutes(-1), CancellationToken.None);

        Assert.Contains(album.Title, await (await GetAsync("/thu-vien-anh")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await GetAsync($"/thu-vien-anh/{album.Id}/{album.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<int> ArticleShowingAsync(int albumId)
    {
        var articleId = await factory.PublicArticleIdAsync();
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.AlbumId, albumId)));
        // The article's page was maybe cached before it named the album.
        await factory.Services.GetRequiredService<DoJ.Portal.Web.Caching.PublicCache>().AlbumChangedAsync(articleId);
        return articleId;
    }
}
