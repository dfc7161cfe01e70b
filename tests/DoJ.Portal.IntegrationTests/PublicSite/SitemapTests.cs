using System.Globalization;
using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// The sitemap index with a small file size (<c>Sitemap:IdsPerFile</c> = 10): the articles spread over several files,
/// each holding the public articles of its id range, every public article in exactly one file and no other in any;
/// file numbers past the end or not numbers at all are 404.
/// </summary>
public sealed class SitemapTests : IDisposable
{
    private const int IdsPerFile = 10;
    private const string BaseUrl = "https://portal.example.vn";

    private readonly PortalWebApplicationFactory factory = new PortalWebApplicationFactory().With("Sitemap:IdsPerFile", "10");

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Every_public_article_is_in_exactly_one_file_that_of_its_id_range_and_no_other_article_is_in_any()
    {
        var client = factory.CreateClient();
        // Read once so the index and its files are cached: adding articles must evict them all.
        _ = await SitemapReader.ReadAsync(client);
        // Hidden ones among the public ones and after the last public one: a draft, a scheduled and a deleted article.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var hidden = new List<Article>
        {
            await factory.AddArticleAsync(TestArticles.UniqueTitle("Bản nháp sơ đồ"), "tin-hoat-dong", now.AddHours(-1), ArticleStatus.Draft),
            await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài hẹn giờ sơ đồ"), "tin-hoat-dong", now.AddDays(2)),
        };
        for (var i = 0; i < 12; i++)
        {
            await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài công khai sơ đồ"), "tin-hoat-dong", now.AddMinutes(-i));
        }

        hidden.Add(await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài đã xóa sơ đồ"), "tin-hoat-dong", now.AddHours(-2), isDeleted: true));
        hidden.Add(await factory.AddArticleAsync(TestArticles.UniqueTitle("Bản nháp cuối sơ đồ"), "tin-hoat-dong", null, ArticleStatus.Draft));

        var sitemap = await SitemapReader.ReadAsync(client);

        var publicArticles = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Where(Article.IsPublicAt(now))
            .Select(a => new { a.Id, a.Slug }).ToListAsync());
        var highest = publicArticles.Max(a => a.Id);
        var articleFiles = sitemap.Files.Where(f => f.Contains("/sitemap-tin-tuc-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            Enumerable.Range(0, (highest / IdsPerFile) + 1).Select(n => Invariant($"{BaseUrl}/sitemap-tin-tuc-{n}.xml")),
            articleFiles);
        Assert.True(articleFiles.Count >= 3, $"{articleFiles.Count} article files");
        foreach (var article in publicArticles)
        {
            var address = Invariant($"{BaseUrl}/tin-tuc/{article.Id}/{article.Slug}");
            var holding = sitemap.Files.Where(f => sitemap.Locations[f].Contains(address)).ToList();
            Assert.Equal([Invariant($"{BaseUrl}/sitemap-tin-tuc-{article.Id / IdsPerFile}.xml")], holding);
            Assert.Single(sitemap.All, l => l == address);
        }

        Assert.Equal(publicArticles.Count, sitemap.All.Count(l => l.StartsWith(BaseUrl + "/tin-tuc/", StringComparison.Ordinal)));
        foreach (var article in hidden)
        {
            Assert.DoesNotContain(Invariant($"/tin-tuc/{article.Id}/"), sitemap.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_past_the_end_an_unknown_kind_and_a_number_that_is_not_one_are_404()
    {
        var client = factory.CreateClient();
        var highest = await factory.WithDbAsync(db => db.Articles.MaxAsync(a => a.Id));
        using (var last = await client.GetAsync(new Uri(Invariant($"/sitemap-tin-tuc-{highest / IdsPerFile}.xml"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        foreach (var url in new[]
        {
            Invariant($"/sitemap-tin-tuc-{(highest / IdsPerFile) + 1}.xml"), "/sitemap-tin-tuc-999999999.xml", "/sitemap-tin-tuc-2147483647.xml",
            "/sitemap-tin-tuc-99999999999999999999.xml", "/sitemap-tin-tuc--1.xml", "/sitemap-tin-tuc-01.xml", "/sitemap-tin-tuc-+1.xml",
            "/sitemap-tin-tuc-1e3.xml", "/sitemap-tin-tuc-.xml", "/sitemap-tin-tuc.xml", "/sitemap-khong-co-0.xml", "/sitemap-.xml",
            "/sitemap-trang-0.xml", "/sitemap-tin-tuc-%C3%A0.xml", "/sitemap-video-0.xml" + "x",
        })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Publishing_an_article_evicts_the_index_and_the_files_and_the_new_one_is_listed()
    {
        var client = factory.CreateClient();
        var before = await SitemapReader.ReadAsync(client);
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        var added = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài mới sơ đồ"), "tin-hoat-dong", now.AddMinutes(-1));

        var after = await SitemapReader.ReadAsync(client);
        Assert.Contains(Invariant($"{BaseUrl}/tin-tuc/{added.Id}/{added.Slug}"), after.All);
        Assert.Equal(before.All.Count + 1, after.All.Count);
        Assert.Contains(Invariant($"{BaseUrl}/sitemap-tin-tuc-{added.Id / IdsPerFile}.xml"), after.Files);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
