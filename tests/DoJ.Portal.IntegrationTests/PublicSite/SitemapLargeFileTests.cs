using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// A sitemap file of the default size is written out while its rows are read, in pieces of 16 KB: with a few hundred
/// articles in one file, the file must still be one well-formed document listing each public article once, with the
/// length it declares, and answer 304 to its own ETag. The default size is 2,000 ids a file.
/// </summary>
public sealed class SitemapLargeFileTests : IDisposable
{
    private readonly PortalWebApplicationFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_file_of_hundreds_of_addresses_is_whole_well_formed_and_revalidates()
    {
        var client = factory.CreateClient();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 300; i++)
        {
            await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài viết sơ đồ lớn"), "tin-hoat-dong", now.AddMinutes(-i));
        }

        var publicArticles = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Where(Article.IsPublicAt(now))
            .Select(a => new { a.Id, a.Slug }).ToListAsync());

        using var response = await client.GetAsync(new Uri("/sitemap-tin-tuc-0.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 3 * 16 * 1024, $"{bytes.Length} bytes");
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);

        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var locations = document.Root!.Elements(SitemapReader.Namespace + "url")
            .Select(u => u.Element(SitemapReader.Namespace + "loc")!.Value).ToList();
        Assert.Equal(
            publicArticles.OrderBy(a => a.Id).Select(a => string.Create(CultureInfo.InvariantCulture, $"https://portal.example.vn/tin-tuc/{a.Id}/{a.Slug}")),
            locations);

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/sitemap-tin-tuc-0.xml", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, etag.IsWeak));
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task By_default_a_file_holds_two_thousand_ids_so_id_2000_opens_the_second_file()
    {
        var client = factory.CreateClient();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var last = await AddWithIdAsync(1_999, now.AddMinutes(-2));
        var first = await AddWithIdAsync(2_000, now.AddMinutes(-1));

        var sitemap = await SitemapReader.ReadAsync(client);

        Assert.Equal(
            ["https://portal.example.vn/sitemap-tin-tuc-0.xml", "https://portal.example.vn/sitemap-tin-tuc-1.xml"],
            sitemap.Files.Where(f => f.Contains("/sitemap-tin-tuc-", StringComparison.Ordinal)));
        Assert.Contains(Address(last), sitemap.Locations["https://portal.example.vn/sitemap-tin-tuc-0.xml"]);
        Assert.Equal([Address(first)], sitemap.Locations["https://portal.example.vn/sitemap-tin-tuc-1.xml"]);
    }

    private async Task<Article> AddWithIdAsync(int id, DateTime publishedAtUtc)
    {
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài viết sơ đồ"), "tin-hoat-dong", publishedAtUtc);
        // SQLite gives the next row the highest id plus one: the article is moved to the id the test needs.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Articles SET Id = {id} WHERE Id = {article.Id}"));
        await factory.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(id, new ArticlePlacement(article.CategoryId, article.PublishedAtUtc));
        return await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
    }

    private static string Address(Article article) =>
        string.Create(CultureInfo.InvariantCulture, $"https://portal.example.vn/tin-tuc/{article.Id}/{article.Slug}");

    [Fact]
    public async Task Every_file_request_gives_its_render_slot_back_found_or_not()
    {
        var client = factory.CreateClient();
        var gate = factory.Services.GetRequiredService<RenderGate>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài viết sơ đồ"), "tin-hoat-dong", now.AddMinutes(-1));

        // More requests than there are slots, one after the other: a slot kept by any of them would hang the next
        // (cancelled after 30 s, failing the test).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < gate.Slots + 2; i++)
        {
            using var found = await client.GetAsync(new Uri("/sitemap-tin-tuc-0.xml", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            using var empty = await client.GetAsync(new Uri("/sitemap-tin-tuc-999.xml", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
        }

        // A slot is given back when its response completes, just after the client has it.
        for (var wait = 0; wait < 100 && gate.Free != gate.Slots; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(gate.Slots, gate.Free);
    }
}
