using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Performance;

/// <summary>
/// What the portal keeps in memory as readers (and crawlers) walk its pages: bounded by the site's shape (layout,
/// categories, home blocks), never growing with the number of articles read — at 1,000,000 articles a crawler reads
/// them all within minutes (docs/performance.md, "Memory").
/// </summary>
public sealed class MemoryFootprintTests : IDisposable
{
    private readonly PortalWebApplicationFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Reading_many_article_pages_keeps_nothing_per_article_in_the_memory_cache()
    {
        var published = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var articles = new List<(int Id, string Slug)>();
        for (var i = 0; i < 40; i++)
        {
            var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài đọc lướt"), "tin-hoat-dong", published.AddMinutes(-i));
            articles.Add((article.Id, article.Slug));
        }

        var client = factory.CreatePlainClient();
        async Task ReadAsync((int Id, string Slug) article)
        {
            using var page = await client.GetAsync(new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // The first pages fill what every page shares (layout, the category's "Các tin khác", the counter).
        foreach (var article in articles.Take(5))
        {
            await ReadAsync(article);
        }

        var cache = (MemoryCache)factory.Services.GetRequiredService<IMemoryCache>();
        var before = cache.Count;
        foreach (var article in articles.Skip(5))
        {
            await ReadAsync(article);
        }

        Assert.True(cache.Count - before < 5, $"35 more article pages added {cache.Count - before} memory cache entries");
    }
}
