using System.Globalization;
using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Counting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// Uptime monitors, link checkers and some crawlers ask with HEAD: every public address answers it as it
/// answers GET, without a body, in Production settings, and a HEAD is never a page view.
/// </summary>
public sealed class HeadRequestTests
{
    private static async Task<List<string>> PublicAddressesAsync(PortalWebApplicationFactory factory)
    {
        var now = PortalWebApplicationFactory.DefaultNow.UtcDateTime;
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now)
            .OrderByDescending(a => a.PublishedAtUtc).FirstAsync());
        var category = await factory.WithDbAsync(db => db.Categories.AsNoTracking().Where(c => c.Id == article.CategoryId).Select(c => c.Slug).SingleAsync());
        var page = await factory.WithDbAsync(db => db.StaticPages.AsNoTracking().Where(p => p.IsPublished).Select(p => p.Slug).FirstAsync());
        var day = VietnamTime.DayOf(article.PublishedAtUtc!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            "/",
            $"/chuyen-muc/{category}",
            $"/tin-tuc/{article.Id}/{article.Slug}",
            $"/tin-theo-ngay/{day}",
            $"/trang/{page}",
            "/tim-kiem?q=ph%C3%A1p+lu%E1%BA%ADt",
            "/rss",
            $"/rss/{category}",
            "/sitemap.xml",
            "/robots.txt",
        ];
    }

    [Fact]
    public async Task Every_public_page_answers_head_like_get_without_a_body_and_head_is_not_counted()
    {
        using var factory = new PortalWebApplicationFactory { EnvironmentName = "Production" };
        var client = factory.CreatePlainClient();
        var counter = factory.Services.GetRequiredService<VisitCounter>();
        var addresses = await PublicAddressesAsync(factory);

        var heads = new List<(string Url, HttpStatusCode Status, string? Type, byte[] Body)>();
        foreach (var url in addresses)
        {
            using var head = await client.BrowseAsync(url, method: HttpMethod.Head);
            heads.Add((url, head.StatusCode, head.Content.Headers.ContentType?.ToString(), await head.Content.ReadAsByteArrayAsync()));
        }

        Assert.Equal(0, counter.PendingPageViews);
        Assert.Equal(0, counter.PendingVisits);
        foreach (var (url, status, type, body) in heads)
        {
            using var get = await client.BrowseAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {url}: {get.StatusCode}");
            Assert.True(status == get.StatusCode, $"HEAD {url}: {status}, GET {get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), type);
            Assert.True(body.Length == 0, $"HEAD {url} sent {body.Length} bytes");
        }
    }

    [Fact]
    public async Task A_head_with_the_etag_of_a_page_gets_a_304_and_is_not_counted()
    {
        using var factory = new PortalWebApplicationFactory { EnvironmentName = "Production" };
        var client = factory.CreatePlainClient();
        var counter = factory.Services.GetRequiredService<VisitCounter>();

        using var first = await client.BrowseAsync("/", method: HttpMethod.Head);
        var etag = first.Headers.ETag?.ToString();
        Assert.NotNull(etag);
        using var again = await client.BrowseAsync("/", method: HttpMethod.Head, headers: ("If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(0, counter.PendingPageViews);
    }
}
