using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.IntegrationTests.Albums;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoJ.Portal.IntegrationTests.Performance;

/// <summary>The page cache as readers and editors notice it: fast repeats, fresh content after every save.</summary>
public sealed class PageCacheTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    /// <summary>The output cache adds <c>Age</c> to what it serves from its store, and only then.</summary>
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, HttpClient? client = null, params (string Name, string Value)[] headers)
    {
        client ??= factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<string> CategorySlugAsync(int id) => factory.WithDbAsync(db => db.Categories.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());

    private static string DayUrl(DateTime publishedAtUtc) =>
        "/tin-theo-ngay/" + VietnamTime.DayOf(publishedAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_second_anonymous_request_is_served_from_the_cache_with_the_same_ETag()
    {
        var (first, firstBody) = await GetAsync("/trang/gioi-thieu");
        var (second, secondBody) = await GetAsync("/trang/gioi-thieu");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(FromCache(second));
        Assert.Equal(firstBody, secondBody);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("no-cache", second.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_strings_the_page_does_not_read_share_one_cache_entry_and_bad_page_numbers_still_get_400()
    {
        const string url = "/chuyen-muc/thong-bao";
        var (warm, _) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        foreach (var same in new[] { "?trang=1", "?trang=01", "?utm_source=zalo", "?TRANG=1&fbclid=abc", "?trang=1&trang=7", "?x=" + Guid.NewGuid().ToString("N") })
        {
            var (response, _) = await GetAsync(url + same);
            Assert.True(FromCache(response), same);
        }

        foreach (var bad in new[] { "?trang=abc", "?trang=0", "?trang=-1", "?trang=1.0" })
        {
            var (response, _) = await GetAsync(url + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_in_editor_never_gets_a_cached_page()
    {
        await GetAsync("/chuyen-muc/bo-tro-tu-phap");
        var (anonymous, _) = await GetAsync("/chuyen-muc/bo-tro-tu-phap");
        Assert.True(FromCache(anonymous));

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var (signedIn, _) = await GetAsync("/chuyen-muc/bo-tro-tu-phap", editor.Client);
        var (again, _) = await GetAsync("/chuyen-muc/bo-tro-tu-phap", editor.Client);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(FromCache(signedIn));
        Assert.False(FromCache(again));
    }

    [Fact]
    public async Task Publishing_evicts_home_its_category_its_day_the_feeds_the_sitemap_and_search_and_nothing_else()
    {
        var categoryId = await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "tin-hoat-dong").Select(c => c.Id).SingleAsync());
        var day = DayUrl(factory.Clock.GetUtcNow().UtcDateTime);
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        await factory.WhenFilesReadAsync();
        var word = "kiemthubonhodem" + Guid.NewGuid().ToString("N")[..6];
        string[] showIt = ["/", "/chuyen-muc/tin-hoat-dong", day, "/rss", "/rss/tin-hoat-dong", "/sitemap.xml", "/sitemap-trang.xml", "/sitemap-tin-tuc-0.xml", "/tim-kiem?q=" + word];
        const string unrelated = "/chuyen-muc/bo-tro-tu-phap";
        foreach (var url in showIt.Append(unrelated))
        {
            await GetAsync(url);
            Assert.True(FromCache((await GetAsync(url)).Response), url);
        }

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var title = "Tin mới " + word;
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Summary"] = "Tóm tắt",
            ["Body"] = "<p>Nội dung.</p>",
            ["CategoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
            ["Author"] = "Phòng Phổ biến",
            ["PublishAt"] = "",
            ["ConcurrencyStamp"] = Guid.Empty.ToString(),
        });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        using var published = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xuat-ban", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        foreach (var url in showIt)
        {
            var (response, body) = await GetAsync(url);
            Assert.False(FromCache(response), url);
            // The index names the article files, the fixed pages' file the home page; the rest show the article.
            var shows = url switch
            {
                "/sitemap.xml" => "/sitemap-tin-tuc-0.xml</loc>",
                "/sitemap-trang.xml" => "<loc>https://portal.example.vn/</loc>",
                _ when url.StartsWith("/sitemap", StringComparison.Ordinal) || url.StartsWith("/tim-kiem", StringComparison.Ordinal) => $"/tin-tuc/{id}/",
                _ => title,
            };
            Assert.True(body.Contains(shows, StringComparison.Ordinal), url);
        }

        Assert.True(FromCache((await GetAsync(unrelated)).Response));
    }

    [Fact]
    public async Task Editing_a_title_reaches_every_cached_page_that_shows_the_article()
    {
        var neighbour = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài bên cạnh"), "tin-hoat-dong", factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2));
        var subject = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài sẽ đổi tên"), "tin-hoat-dong", factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        string[] pages = ["/", "/chuyen-muc/tin-hoat-dong", DayUrl(subject.PublishedAtUtc!.Value), $"/tin-tuc/{subject.Id}/{subject.Slug}", $"/tin-tuc/{neighbour.Id}/{neighbour.Slug}", "/rss"];
        foreach (var url in pages)
        {
            var (response, body) = await GetAsync(url);
            Assert.Contains(subject.Title, body, StringComparison.Ordinal);
            Assert.True(FromCache((await GetAsync(url)).Response), url);
        }

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var edit = await editor.GetAsync($"/quan-tri/bai-viet/{subject.Id}/sua");
        var stamp = edit.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        var newTitle = TestArticles.UniqueTitle("Tiêu đề đã sửa");
        using var saved = await editor.PostFormAsync($"/quan-tri/bai-viet/{subject.Id}/sua", $"/quan-tri/bai-viet/{subject.Id}/sua", new Dictionary<string, string>
        {
            ["Title"] = newTitle,
            ["Summary"] = "Tóm tắt mới",
            ["Body"] = "<p>Nội dung mới.</p>",
            ["CategoryId"] = subject.CategoryId.ToString(CultureInfo.InvariantCulture),
            ["Author"] = subject.Author,
            ["PublishAt"] = "",
            ["ConcurrencyStamp"] = stamp,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/quan-tri/bai-viet/{subject.Id}/sua", saved.Headers.Location!.OriginalString);
        Assert.Equal(newTitle, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == subject.Id).Select(a => a.Title).SingleAsync()));

        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == subject.Id).Select(a => a.Slug).SingleAsync());
        foreach (var url in pages.Select(u => u.StartsWith($"/tin-tuc/{subject.Id}/", StringComparison.Ordinal) ? $"/tin-tuc/{subject.Id}/{slug}" : u))
        {
            var (_, body) = await GetAsync(url);
            Assert.True(body.Contains(newTitle, StringComparison.Ordinal), url);
            Assert.False(body.Contains(subject.Title, StringComparison.Ordinal), url);
        }
    }

    [Fact]
    public async Task An_unpublished_article_leaves_its_cached_page_at_once()
    {
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài sẽ gỡ"), "tin-hoat-dong", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-30));
        var url = $"/tin-tuc/{article.Id}/{article.Slug}";
        await GetAsync(url);
        Assert.True(FromCache((await GetAsync(url)).Response));

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var unpublished = await editor.PostFormAsync($"/quan-tri/bai-viet/{article.Id}/sua", $"/quan-tri/bai-viet/{article.Id}/go-xuong", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).Response.StatusCode);
        Assert.DoesNotContain(article.Title, (await GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_article_appears_on_cached_pages_when_its_time_comes()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài hẹn giờ"), "tin-hoat-dong", now.AddMinutes(10));
        await GetAsync("/chuyen-muc/tin-hoat-dong");
        var (before, body) = await GetAsync("/chuyen-muc/tin-hoat-dong");
        Assert.True(FromCache(before));
        Assert.DoesNotContain(article.Title, body, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var watcher = factory.Services.GetServices<IHostedService>().OfType<ScheduledPublishWatcher>().Single();
        await watcher.EvictDueAsync(now, CancellationToken.None);

        Assert.Contains(article.Title, (await GetAsync("/chuyen-muc/tin-hoat-dong")).Body, StringComparison.Ordinal);
        Assert.Contains(article.Title, (await GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/trang/lien-he")]
    [InlineData("/rss")]
    public async Task A_reader_who_has_the_page_gets_304_without_a_body(string url)
    {
        var (first, _) = await GetAsync(url);
        var etag = first.Headers.ETag!.ToString();

        var (cached, cachedBody) = await GetAsync(url, null, ("If-None-Match", etag));
        var (other, _) = await GetAsync(url, null, ("If-None-Match", "W/\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(cachedBody);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Conditional_requests_get_304_with_the_cache_switched_off_too()
    {
        using var uncached = new PortalWebApplicationFactory().With("OutputCache:Enabled", "false");
        var client = uncached.CreatePlainClient();
        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.False(FromCache(second));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compressed_pages_and_feeds_decompress_to_the_same_bytes(string coding)
    {
        foreach (var url in new[] { "/chuyen-muc/thong-bao", "/rss" })
        {
            var (plain, plainBody) = await GetAsync(url);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            for (var i = 0; i < 2; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
                using var response = await factory.CreatePlainClient().SendAsync(request);
                Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
                await using var compressed = await response.Content.ReadAsStreamAsync();
                await using Stream decoder = coding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
                using var reader = new StreamReader(decoder);
                Assert.Equal(plainBody, await reader.ReadToEndAsync());
            }
        }
    }

    [Fact]
    public async Task Pages_served_from_the_cache_are_still_counted_and_the_counter_fragment_is_not()
    {
        var counter = factory.Services.GetRequiredService<VisitCounter>();
        var client = factory.CreatePlainClient();
        (await client.BrowseAsync("/trang/gioi-thieu", "203.0.113.1")).Dispose();
        var before = counter.PendingPageViews;

        using (var cached = await client.BrowseAsync("/trang/gioi-thieu", "203.0.113.2"))
        {
            Assert.True(FromCache(cached));
        }

        var etag = (await GetAsync("/trang/gioi-thieu")).Response.Headers.ETag!.ToString();
        (await client.BrowseAsync("/trang/gioi-thieu", "203.0.113.3", headers: ("If-None-Match", etag))).Dispose();
        Assert.Equal(before + 2, counter.PendingPageViews);

        using var fragment = await client.BrowseAsync("/thong-ke-truy-cap", "203.0.113.4");
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("data-counter=\"total\"", html, StringComparison.Ordinal);
        Assert.Equal(before + 2, counter.PendingPageViews);
    }

    [Fact]
    public async Task Style_sheets_and_scripts_are_fingerprinted_and_cached_for_a_year()
    {
        // Run from the build output, ASP.NET Core serves assets with no-cache (for hot reload) unless
        // told otherwise; a published portal has the production headers without this setting.
        using var published = new PortalWebApplicationFactory().With("EnableStaticAssetsDevelopmentCaching", "true");
        var page = await published.CreateClient().GetDocumentAsync("/");
        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => u.StartsWith("/css/", StringComparison.Ordinal) || u.StartsWith("/js/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$", asset);
            using var response = await published.CreateClient().GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl!;
            Assert.True(cacheControl.MaxAge == TimeSpan.FromDays(365), asset + ": " + cacheControl);
            Assert.Contains("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_screens_and_pages_seen_signed_in_are_never_stored_by_a_browser_or_proxy()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        foreach (var url in new[] { "/quan-tri", "/quan-tri/bai-viet", "/", "/chuyen-muc/thong-bao" })
        {
            var (response, _) = await GetAsync(url, editor.Client);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore, url);
        }

        var (signIn, _) = await GetAsync("/tai-khoan/dang-nhap");
        Assert.True(signIn.Headers.CacheControl!.NoStore);
        var (anonymous, _) = await GetAsync("/chuyen-muc/thong-bao");
        Assert.False(anonymous.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task A_home_page_rendered_with_its_kept_blocks_is_still_evicted_by_a_new_album()
    {
        var cache = factory.Services.GetRequiredService<PublicCache>();
        await GetAsync("/");

        // An article change evicts the home page but not its kept blocks (documents, video, albums): the page is rendered
        // again with those blocks from the fragment cache, where their components do not run.
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài làm mới trang chủ"), "tin-hoat-dong", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        await cache.ArticleChangedAsync(article.Id);
        var (rendered, renderedBody) = await GetAsync("/");
        Assert.False(FromCache(rendered));
        Assert.Contains(article.Title, renderedBody, StringComparison.Ordinal);
        var (kept, _) = await GetAsync("/");
        Assert.True(FromCache(kept));

        // That page must still carry the blocks' tags: a new album evicts it.
        var album = await factory.AddAlbumAsync($"Album trang chủ {Guid.NewGuid():N}", publishedAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        await cache.AlbumChangedAsync();
        var (after, afterBody) = await GetAsync("/");
        Assert.False(FromCache(after));
        Assert.Contains(album.Title, afterBody, StringComparison.Ordinal);
    }
}
