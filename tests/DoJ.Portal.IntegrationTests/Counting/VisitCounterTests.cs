using System.Data.Common;
using System.Net;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Counting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Counting;

public sealed class VisitCounterTests
{
    private static Task<long> StoredAsync(PortalWebApplicationFactory factory, string name) =>
        factory.WithDbAsync(db => db.SiteCounters.Where(c => c.Name == name).Select(c => c.Value).SingleAsync());

    private static VisitCounter CounterOf(PortalWebApplicationFactory factory)
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<VisitCounter>();
    }

    [Fact]
    public async Task Eight_threads_of_ten_thousand_visits_store_exactly_eighty_thousand()
    {
        using var factory = new PortalWebApplicationFactory();
        var counter = CounterOf(factory);
        var before = await StoredAsync(factory, SiteCounter.Visits);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.RecordPageView($"visitor-{thread}-{i}");
            }
        })));
        Assert.Equal(80_000, counter.PendingVisits);
        Assert.True(await counter.FlushAsync());

        Assert.Equal(before + 80_000, await StoredAsync(factory, SiteCounter.Visits));
        Assert.Equal(80_000, await StoredAsync(factory, SiteCounter.PageViews));
        Assert.Equal(0, counter.PendingVisits);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_add_up_exactly_and_share_visitors_now()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "two-hosts-" + Guid.NewGuid().ToString("N"));
        using var first = new PortalWebApplicationFactory().With("Storage:DataPath", shared);
        var a = CounterOf(first);
        using var second = new PortalWebApplicationFactory().With("Storage:DataPath", shared);
        var b = CounterOf(second);

        await Task.WhenAll(
            Task.Run(() => { for (var i = 0; i < 10_000; i++) { a.RecordPageView($"a-{i}"); } }),
            Task.Run(() => { for (var i = 0; i < 10_000; i++) { b.RecordPageView($"b-{i}"); } }));
        await Task.WhenAll(a.FlushAsync(), b.FlushAsync());

        Assert.Equal(20_000, await StoredAsync(first, SiteCounter.Visits));
        await using var scope = second.Services.CreateAsyncScope();
        var now = await scope.ServiceProvider.GetRequiredService<CounterRepository>()
            .CountVisitorsSinceAsync(second.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        Assert.Equal(20_000, now);
    }

    [Fact]
    public async Task A_visitor_moving_between_hosts_within_the_gap_is_one_visit()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "move-" + Guid.NewGuid().ToString("N"));
        using var first = new PortalWebApplicationFactory().With("Storage:DataPath", shared);
        using var second = new PortalWebApplicationFactory().With("Storage:DataPath", shared);
        var a = CounterOf(first);
        var b = CounterOf(second);

        a.RecordPageView("wanderer");
        await a.FlushAsync();
        second.Clock.Advance(TimeSpan.FromMinutes(3));
        b.RecordPageView("wanderer");
        await b.FlushAsync();

        Assert.Equal(1, await StoredAsync(first, SiteCounter.Visits));
        Assert.Equal(2, await StoredAsync(first, SiteCounter.PageViews));
    }

    [Fact]
    public async Task A_graceful_stop_writes_the_pending_counts()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "stop-" + Guid.NewGuid().ToString("N"));
        long before;
        using (var first = new PortalWebApplicationFactory().With("Storage:DataPath", shared))
        {
            var counter = CounterOf(first);
            before = await StoredAsync(first, SiteCounter.Visits);
            for (var i = 0; i < 1_234; i++)
            {
                counter.RecordPageView($"leaving-{i}");
            }
        }

        using var second = new PortalWebApplicationFactory().With("Storage:DataPath", shared);
        _ = second.Server;
        Assert.Equal(before + 1_234, await StoredAsync(second, SiteCounter.Visits));
    }

    [Fact]
    public async Task Counts_survive_three_failed_flushes_and_are_written_once_on_recovery()
    {
        var fault = new CounterFault();
        using var factory = new PortalWebApplicationFactory
        {
            ConfigureServices = services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(fault)),
        };
        var counter = CounterOf(factory);
        for (var i = 0; i < 500; i++)
        {
            counter.RecordPageView($"patient-{i % 100}", articleId: 1);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var visits = counter.PendingVisits;
        fault.FailuresLeft = 3;
        Assert.False(await counter.FlushAsync());
        Assert.False(await counter.FlushAsync());
        Assert.False(await counter.FlushAsync());
        Assert.Equal(0, await StoredAsync(factory, SiteCounter.Visits));
        Assert.Equal(visits, counter.PendingVisits);

        Assert.True(await counter.FlushAsync());
        Assert.True(await counter.FlushAsync());

        Assert.Equal(100, visits);
        Assert.Equal(100, await StoredAsync(factory, SiteCounter.Visits));
        Assert.Equal(500, await StoredAsync(factory, SiteCounter.PageViews));
        Assert.Equal(500, await factory.WithDbAsync(db => db.ArticleViewStats.Where(a => a.ArticleId == 1).Select(a => a.Views).SingleAsync()));
    }

    [Fact]
    public async Task Visitors_now_is_the_distinct_visitors_of_the_last_five_minutes()
    {
        // The figure as rendered, read on the fake clock: the page cache (real time) is off here;
        // PageCacheTests covers the widget on cached pages.
        using var factory = new PortalWebApplicationFactory().With("OutputCache:Enabled", "false");
        var counter = CounterOf(factory);
        for (var i = 0; i < 50; i++)
        {
            counter.RecordPageView($"now-{i}");
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await counter.FlushAsync();
        var page = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Equal("50", page.QuerySelector("[data-counter=now]")!.TextContent.Trim());

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        page = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Equal("0", page.QuerySelector("[data-counter=now]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_reader_of_the_first_page_is_among_the_visitors_now_at_once()
    {
        // A fresh portal, no flush yet: the reader's own page view is not in the database or Redis, and still counts.
        using var factory = new PortalWebApplicationFactory();
        var client = factory.CreatePlainClient();

        using var response = await client.BrowseAsync("/", "198.51.100.21");
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        using var widgetResponse = await client.BrowseAsync(Web.Navigation.SiteUrls.VisitCounterWidget, "198.51.100.21");
        var widget = await HtmlReader.ParseAsync(await widgetResponse.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", page.QuerySelector("[data-counter=now]")!.TextContent.Trim());
        Assert.Equal("1", widget.QuerySelector("[data-counter=now]")!.TextContent.Trim());

        // Once flushed, the same reader is counted once, not once stored and once pending.
        await CounterOf(factory).FlushAsync();
        using var again = await client.BrowseAsync("/chuyen-muc/tin-hoat-dong", "198.51.100.21");
        var next = await HtmlReader.ParseAsync(await again.Content.ReadAsStringAsync());
        Assert.Equal("1", next.QuerySelector("[data-counter=now]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Page_views_within_the_gap_are_one_visit_and_a_31_minute_gap_starts_another()
    {
        using var factory = new PortalWebApplicationFactory();
        var counter = CounterOf(factory);

        for (var i = 0; i < 100; i++)
        {
            counter.RecordPageView("reader");
            factory.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, counter.PendingVisits);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        counter.RecordPageView("reader");
        Assert.Equal(2, counter.PendingVisits);
        Assert.Equal(101, counter.PendingPageViews);
    }

    [Fact]
    public async Task A_new_Vietnam_day_brings_a_new_key_and_yesterdays_key_is_destroyed()
    {
        using var factory = new PortalWebApplicationFactory();
        var counter = CounterOf(factory);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 50, 0, TimeSpan.Zero)); // 23:50 in Vietnam
        var address = IPAddress.Parse("198.51.100.20");
        var before = await counter.IdentifyAsync(address, TestClientAddress.BrowserUserAgent);
        Assert.Equal(before, await counter.IdentifyAsync(address, TestClientAddress.BrowserUserAgent));

        factory.Clock.Advance(TimeSpan.FromMinutes(20)); // 00:10 the next Vietnam day
        var after = await counter.IdentifyAsync(address, TestClientAddress.BrowserUserAgent);

        Assert.NotEqual(before, after);
        var keys = await factory.WithDbAsync(db => db.VisitorKeys.Select(k => k.Day).ToListAsync());
        Assert.Equal([new DateOnly(2026, 11, 28)], keys);
    }

    [Fact]
    public async Task Bots_HEAD_prefetch_health_static_files_errors_and_the_admin_area_count_nothing()
    {
        using var factory = new PortalWebApplicationFactory();
        var counter = CounterOf(factory);
        var client = factory.CreateClient();

        (await client.BrowseAsync("/", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).Dispose();
        (await client.BrowseAsync("/", userAgent: "curl/8.5.0")).Dispose();
        (await client.BrowseAsync("/", userAgent: "")).Dispose();
        (await client.BrowseAsync("/", method: HttpMethod.Head)).Dispose();
        (await client.BrowseAsync("/", headers: ("Sec-Purpose", "prefetch"))).Dispose();
        (await client.BrowseAsync("/", headers: ("Purpose", "prefetch"))).Dispose();
        (await client.BrowseAsync("/health")).Dispose();
        (await client.BrowseAsync("/css/site.css")).Dispose();
        (await client.BrowseAsync("/rss")).Dispose();
        (await client.BrowseAsync("/khong-co-trang-nay")).Dispose();
        (await client.BrowseAsync("/chuyen-muc/thong-bao?trang=abc")).Dispose();
        (await client.BrowseAsync("/quan-tri")).Dispose();
        Assert.Equal(0, counter.PendingPageViews);

        (await client.BrowseAsync("/")).Dispose();
        Assert.Equal(1, counter.PendingPageViews);
        Assert.Equal(1, counter.PendingVisits);
    }

    [Fact]
    public async Task Article_views_are_counted_per_article_in_their_own_table()
    {
        using var factory = new PortalWebApplicationFactory();
        var counter = CounterOf(factory);
        var (id, slug) = await factory.WithDbAsync(db => db.Articles.Where(a => a.Author == "Tiên An").Select(a => new ValueTuple<int, string>(a.Id, a.Slug)).SingleAsync());
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.BrowseAsync($"/tin-tuc/{id}/{slug}", address: $"198.51.100.{30 + i}")).Dispose();
        }

        (await factory.CreatePlainClient().BrowseAsync($"/tin-tuc/{id}")).Dispose(); // a 301: not a view
        Assert.Equal(3, counter.PendingPageViews);
        Assert.True(await counter.FlushAsync());

        Assert.Equal(3, await factory.WithDbAsync(db => db.ArticleViewStats.Where(a => a.ArticleId == id).Select(a => a.Views).SingleAsync()));
    }

    [Fact]
    public async Task No_client_address_reaches_the_database_or_the_logs_and_no_cookie_is_set()
    {
        // Information level, so request logging writes every request to the log file.
        using var factory = new PortalWebApplicationFactory().With("Serilog:MinimumLevel:Default", "Information");
        var counter = CounterOf(factory);
        var client = factory.CreateClient();
        var (id, slug) = await factory.WithDbAsync(db => db.Articles.Where(a => a.Author == "Tiên An").Select(a => new ValueTuple<int, string>(a.Id, a.Slug)).SingleAsync());

        foreach (var url in new[] { "/", "/chuyen-muc/thong-bao", $"/tin-tuc/{id}/{slug}", "/tim-kiem?q=hộ+tịch", "/trang/lien-he", "/khong-co" })
        {
            using var response = await client.BrowseAsync(url, address: "203.0.113.77");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
        }

        Assert.Equal(5, counter.PendingPageViews);
        Assert.True(await counter.FlushAsync());
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));

        var files = Directory.GetFiles(factory.DataPath, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.Contains("-wal", StringComparison.Ordinal) || f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("portal.db", StringComparison.Ordinal));
        // Request log lines are written as each request finishes; give the last ones a moment to land.
        var logFile = files.Single(f => f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        for (var attempt = 0; attempt < 100 && !Encoding.UTF8.GetString(await ReadSharedAsync(logFile)).Contains("/trang/lien-he", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("/chuyen-muc/thong-bao", Encoding.UTF8.GetString(await ReadSharedAsync(logFile)), StringComparison.Ordinal);
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes("203.0.113.")), $"{file} holds the client address");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes("203.0.113.")), $"{file} holds the client address (UTF-16)");
        }

        Assert.Equal(0, counter.PendingVisits);
        Assert.Equal(1, await StoredAsync(factory, SiteCounter.Visits));
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Makes the counter's writes fail like a database that is down, a set number of times.</summary>
    private sealed class CounterFault : DbCommandInterceptor
    {
        public int FailuresLeft { get; set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (FailuresLeft > 0 && command.CommandText.Contains("SiteCounters", StringComparison.Ordinal))
            {
                FailuresLeft--;
                throw new InvalidOperationException("Simulated database outage.");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
