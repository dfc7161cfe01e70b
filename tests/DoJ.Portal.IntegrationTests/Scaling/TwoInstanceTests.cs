using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Scaling;

/// <summary>
/// Two portal hosts in one test run on ONE SQLite file and ONE real redis-server, each with its own search
/// index: what several instances behind a load balancer share, and what each keeps for itself.
/// </summary>
public sealed class TwoInstanceTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>Two hosts on one data folder and one Redis; a fresh key prefix, so tests sharing the server never meet.</summary>
    private (PortalWebApplicationFactory A, PortalWebApplicationFactory B) TwoHosts(string name, bool withRedis = true)
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", name + "-" + Guid.NewGuid().ToString("N"));
        var prefix = name + Guid.NewGuid().ToString("N")[..8] + ":";
        PortalWebApplicationFactory Host(string index)
        {
            var host = new PortalWebApplicationFactory()
                .With("Storage:DataPath", shared)
                .With("Search:IndexPath", Path.Combine(shared, "index-" + index));
            if (withRedis)
            {
                host.With("Redis:Configuration", redis.Configuration).With("Redis:InstanceName", prefix);
            }

            _ = host.Server;
            return host;
        }

        var a = Host("a");
        return (a, Host("b"));
    }

    private static VisitCounter CounterOf(PortalWebApplicationFactory host) => host.Services.GetRequiredService<VisitCounter>();

    private static Task<long> StoredAsync(PortalWebApplicationFactory host, string name) =>
        host.WithDbAsync(db => db.SiteCounters.Where(c => c.Name == name).Select(c => c.Value).SingleAsync());

    /// <summary>
    /// The output cache stores a page in Redis after the client has the response: waits until <paramref name="host"/>
    /// itself is served <paramref name="url"/> from the store (there is no other layer), so that what a test does next
    /// (the other host's request, an eviction) cannot race that store.
    /// </summary>
    private static async Task WaitUntilStoredAsync(PortalWebApplicationFactory host, Uri url)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            using var again = await host.CreatePlainClient().GetAsync(url);
            if (again.Headers.Age is not null)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{url} was never served from the shared page store");
    }

    private static async Task<string> VisitorsNowOnPageAsync(PortalWebApplicationFactory host) =>
        (await host.CreateClient().GetDocumentAsync("/")).QuerySelector("[data-counter=now]")!.TextContent.Trim();

    [SkippableFact]
    public async Task Visits_through_two_hosts_add_up_exactly_even_for_visitors_both_meet_before_either_flushes()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var (first, second) = TwoHosts("visits");
        using var hostA = first;
        using var hostB = second;
        var a = CounterOf(hostA);
        var b = CounterOf(hostB);

        // 1,000 visitors on each host only, and 300 the load balancer sends to both within one flush interval:
        // the case the database alone cannot settle (both hosts think the visit is new).
        await Task.WhenAll(
            Task.Run(() =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    a.RecordPageView($"a-{i}");
                }

                for (var i = 0; i < 300; i++)
                {
                    a.RecordPageView($"both-{i}");
                }
            }),
            Task.Run(() =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    b.RecordPageView($"b-{i}");
                }

                for (var i = 0; i < 300; i++)
                {
                    b.RecordPageView($"both-{i}");
                }
            }));
        Assert.Equal(1_300, a.PendingVisits);
        Assert.Equal(1_300, b.PendingVisits);

        // Both flush at once, as two instances' timers may.
        var flushed = await Task.WhenAll(a.FlushAsync(), b.FlushAsync());
        Assert.Equal([true, true], flushed);

        Assert.Equal(2_300, await StoredAsync(hostA, SiteCounter.Visits));
        Assert.Equal(2_600, await StoredAsync(hostA, SiteCounter.PageViews));
        Assert.Equal(2_300, await hostB.WithDbAsync(db => db.DailyStats.SumAsync(d => d.Visits)));
        Assert.Equal("2.300", await VisitorsNowOnPageAsync(hostA));
        Assert.Equal("2.300", await VisitorsNowOnPageAsync(hostB));
        // Redis holds the visitors: the database table is not written while it is up.
        Assert.Equal(0, await hostA.WithDbAsync(db => db.RecentVisitors.CountAsync()));
    }

    [SkippableFact]
    public async Task A_visitor_moving_between_hosts_is_one_visit_until_a_31_minute_gap()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var (first, second) = TwoHosts("moves");
        using var hostA = first;
        using var hostB = second;
        var a = CounterOf(hostA);
        var b = CounterOf(hostB);

        a.RecordPageView("wanderer");
        Assert.True(await a.FlushAsync());
        hostB.Clock.Advance(TimeSpan.FromMinutes(20));
        b.RecordPageView("wanderer");
        Assert.True(await b.FlushAsync());
        // Back on A 25 minutes after A last saw it, but only 5 after B did: still the same visit.
        hostA.Clock.Advance(TimeSpan.FromMinutes(25));
        a.RecordPageView("wanderer");
        Assert.True(await a.FlushAsync());
        Assert.Equal(1, await StoredAsync(hostA, SiteCounter.Visits));

        hostB.Clock.Advance(TimeSpan.FromMinutes(36)); // 31 minutes after the last view, on A
        b.RecordPageView("wanderer");
        Assert.True(await b.FlushAsync());
        Assert.Equal(2, await StoredAsync(hostA, SiteCounter.Visits));
        Assert.Equal(4, await StoredAsync(hostA, SiteCounter.PageViews));
    }

    [SkippableFact]
    public async Task A_page_cached_by_one_host_is_served_by_both_and_an_edit_on_one_evicts_it_on_both()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var (first, second) = TwoHosts("pages");
        using var hostA = first;
        using var hostB = second;
        var article = await hostA.AddArticleAsync(TestArticles.UniqueTitle("Bài trên hai máy"), "tin-hoat-dong", hostA.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        var url = new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative);
        using (var rendered = await hostA.CreatePlainClient().GetAsync(url))
        {
            Assert.Null(rendered.Headers.Age);
        }

        await WaitUntilStoredAsync(hostA, url);
        using (var shared = await hostB.CreatePlainClient().GetAsync(url))
        {
            Assert.NotNull(shared.Headers.Age);
            Assert.Contains(article.Title, await shared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var editor = await StaffSession.SignInAsync(hostA, PortalRoles.Editor);
        using (var unpublished = await editor.PostFormAsync($"/quan-tri/bai-viet/{article.Id}/sua", $"/quan-tri/bai-viet/{article.Id}/go-xuong", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        using var onB = await hostB.CreatePlainClient().GetAsync(url);
        using var onA = await hostA.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, onB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onA.StatusCode);
    }

    [SkippableFact]
    public async Task A_link_changed_through_one_host_shows_on_the_other_at_once()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var (first, second) = TwoHosts("layout");
        using var hostA = first;
        using var hostB = second;
        var link = await hostA.WithDbAsync(db => db.Links.Where(l => l.IsEnabled && l.LinkGroup!.IsEnabled).OrderBy(l => l.Id).FirstAsync());
        var home = new Uri("/", UriKind.Relative);
        Assert.Contains(link.Title, await hostB.CreateClient().GetStringAsync(home), StringComparison.Ordinal);
        // Otherwise B's store of the old page into Redis could land after A's eviction below, and stay.
        await WaitUntilStoredAsync(hostB, home);

        // What the link editor does on host A: save, then announce the change.
        var renamed = "Cổng thông tin đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await hostA.WithDbAsync(async db =>
        {
            (await db.Links.SingleAsync(l => l.Id == link.Id)).Title = renamed;
            await db.SaveChangesAsync();
        });
        await hostA.Services.GetRequiredService<PublicCache>().LinksChangedAsync();

        // Host B drops its own copy of the link list when the message arrives (pub/sub, milliseconds).
        var shown = false;
        for (var attempt = 0; attempt < 50 && !shown; attempt++)
        {
            shown = (await hostB.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative))).Contains(renamed, StringComparison.Ordinal);
            if (!shown)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(shown);
    }

    [SkippableFact]
    public async Task When_Redis_dies_the_hosts_keep_serving_and_counting_through_the_database()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var own = new RedisServer();
        await own.InitializeAsync();
        try
        {
            await CountsThroughRedisDeathAsync(own);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static async Task CountsThroughRedisDeathAsync(RedisServer own)
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "redis-dies-" + Guid.NewGuid().ToString("N"));
        using var host = new PortalWebApplicationFactory().With("Storage:DataPath", shared).With("Redis:Configuration", own.Configuration);
        _ = host.Server;
        var counter = CounterOf(host);
        for (var i = 0; i < 10; i++)
        {
            counter.RecordPageView($"before-{i}");
        }

        Assert.True(await counter.FlushAsync());
        Assert.Equal("10", await VisitorsNowOnPageAsync(host));

        await own.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            counter.RecordPageView($"after-{i}");
        }

        Assert.True(await counter.FlushAsync());
        Assert.Equal(15, await StoredAsync(host, SiteCounter.Visits));
        using var page = await host.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Documented degradation: visitors now falls back to the database, which holds only the visitors since Redis died.
        Assert.Equal("5", await VisitorsNowOnPageAsync(host));
    }

    [SkippableFact]
    public async Task An_article_published_on_host_A_is_found_by_search_on_host_B_and_leaves_it_when_unpublished_on_B()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.Missing);
        var (first, second) = TwoHosts("search");
        using var hostA = first;
        using var hostB = second;
        var indexA = hostA.Services.GetRequiredService<SearchIndex>();
        var indexB = hostB.Services.GetRequiredService<SearchIndex>();
        await Task.WhenAll(indexA.WhenReady, indexB.WhenReady);
        var id = (await hostA.AddArticleAsync("Hội nghị trực tuyến về chứng thực điện tử liên thông", "tin-hoat-dong", null, ArticleStatus.Draft)).Id;
        const string words = "chung thuc dien tu lien thong";

        var editor = await StaffSession.SignInAsync(hostA, PortalRoles.Editor);
        using (var published = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xuat-ban", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Contains(Found(hostA, indexA, words), h => h == id); // at once on the host that saved it
        Assert.DoesNotContain(Found(hostB, indexB, words), h => h == id); // B's own index has not caught up yet

        Assert.True(await CatchUpAsync(hostB, () => Found(hostB, indexB, words).Contains(id)), "host B never found the article");
        var page = await hostB.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(words));
        Assert.Contains(page.QuerySelectorAll(".search-results a"), a => a.GetAttribute("href")!.StartsWith($"/tin-tuc/{id}/", StringComparison.Ordinal));

        var editorB = await StaffSession.SignInAsync(hostB, PortalRoles.Editor);
        using (var unpublished = await editorB.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/go-xuong", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        Assert.True(await CatchUpAsync(hostA, () => !Found(hostA, indexA, words).Contains(id)), "host A kept the unpublished article");
        Assert.Equal(await hostA.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id)), indexA.ChangePosition);
    }

    [Fact]
    public async Task Two_hosts_read_each_waiting_file_once_and_both_indexes_find_the_document_by_its_text()
    {
        var (first, second) = TwoHosts("file-text", withRedis: false);
        using var hostA = first;
        using var hostB = second;
        var indexA = hostA.Services.GetRequiredService<SearchIndex>();
        var indexB = hostB.Services.GetRequiredService<SearchIndex>();
        await Task.WhenAll(indexA.WhenReady, indexB.WhenReady);
        var documents = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var id = await DoJ.Portal.IntegrationTests.Search.DocumentAndPageSearchTests.AddDocumentAsync(hostA, $"6{i}/2026/QĐ-UBND", "Quyết định số " + i);
            await DoJ.Portal.IntegrationTests.Search.DocumentAndPageSearchTests.AttachPendingFileAsync(
                hostA, id, FileKind.Docx, DoJ.Portal.Testing.Files.TestFiles.Docx($"Biên bản kiểm tra liên ngành đợt {i} về an toàn thực phẩm"));
            documents.Add(id);
        }

        // Both hosts work the queue at once (their clocks move together).
        for (var attempt = 0; attempt < 300 && await hostA.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.TextState == FileTextState.Pending)); attempt++)
        {
            hostA.Clock.Advance(TimeSpan.FromSeconds(5));
            hostB.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
        }

        Assert.Equal(4, await hostA.WithDbAsync(db => db.Attachments.CountAsync(a => a.LegalDocumentId != null && documents.Contains(a.LegalDocumentId.Value) && a.StoredFile!.TextState == FileTextState.Extracted)));

        // Each file was read once: besides the document's and its attachment's own changes, one written with its text.
        var changes = await hostA.WithDbAsync(db => db.ContentChanges.Where(c => c.Kind == ContentKind.Document).Select(c => c.ContentId).ToListAsync());
        foreach (var id in documents)
        {
            Assert.Equal(3, changes.Count(c => c == id));
        }

        const string words = "kiem tra lien nganh an toan thuc pham";
        Assert.True(await CatchUpAsync(hostA, () => documents.All(indexA.FindDocumentIds(words, 10, hostA.Clock.GetUtcNow().UtcDateTime).Contains)), "host A never found the documents");
        Assert.True(await CatchUpAsync(hostB, () => documents.All(indexB.FindDocumentIds(words, 10, hostB.Clock.GetUtcNow().UtcDateTime).Contains)), "host B never found the documents");
    }

    private static List<int> Found(PortalWebApplicationFactory host, SearchIndex index, string words) =>
        index.Search(words, 1, 20, host.Clock.GetUtcNow().UtcDateTime).Hits.Items.Select(h => h.Id).ToList();

    /// <summary>Moves the host's clock one catch-up interval at a time until <paramref name="done"/>; no timing is asserted.</summary>
    private static async Task<bool> CatchUpAsync(PortalWebApplicationFactory host, Func<bool> done)
    {
        var interval = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value.CatchUpInterval;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (done())
            {
                return true;
            }

            host.Clock.Advance(interval);
            await Task.Delay(50);
        }

        return done();
    }
}

public sealed class RedisAbsentTests
{
    [Fact]
    public async Task With_Redis_configured_but_unreachable_the_portal_starts_serves_and_counts()
    {
        var nothingThere = LoopbackPort.Free();
        using var host = new PortalWebApplicationFactory().With("Redis:Configuration", $"127.0.0.1:{nothingThere},connectTimeout=500");
        _ = host.Server;
        var counter = host.Services.GetRequiredService<VisitCounter>();

        using (var page = await host.CreateClient().GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        counter.RecordPageView("someone");
        Assert.True(await counter.FlushAsync());
        Assert.Equal(1, await host.WithDbAsync(db => db.SiteCounters.Where(c => c.Name == SiteCounter.Visits).Select(c => c.Value).SingleAsync()));
        Assert.Equal(1, await host.WithDbAsync(db => db.RecentVisitors.CountAsync()));
    }
}
