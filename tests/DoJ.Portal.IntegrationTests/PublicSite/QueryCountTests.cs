using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// Cache misses stay cheap as the archive grows: every public page runs the same number of SQL commands with the
/// demo content and with hundreds more articles (no query per item shown), and every article query it runs is
/// answered from an index (no scan of the articles table, no sort of all of them), checked with SQLite's own
/// <c>EXPLAIN QUERY PLAN</c> on the commands the pages really sent.
/// </summary>
public sealed partial class QueryCountTests : IDisposable
{
    /// <summary>A day with three demo articles (Vietnam time), which the added articles fill further.</summary>
    private const string ArchiveDay = "2021-01-22";

    private static readonly DateTime ArchiveDayNoonUtc = new(2021, 1, 22, 5, 0, 0, DateTimeKind.Utc);

    private readonly SqlRecorder recorder = new();
    private readonly PortalWebApplicationFactory factory;
    private readonly ITestOutputHelper output;

    public QueryCountTests(ITestOutputHelper output)
    {
        this.output = output;
        // The queries of a rendered page (a cache miss): the page cache is off here.
        factory = new PortalWebApplicationFactory
        {
            ConfigureServices = services =>
            {
                services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(recorder));
                services.AddHttpContextAccessor();
            },
        }.With("OutputCache:Enabled", "false")
            // The visit counter widget reads its two figures for every page: shared for a second, they made the counts depend on timing.
            .With("Counting:WidgetSeconds", "0");
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Every_public_page_runs_as_many_queries_with_hundreds_more_articles_as_with_the_demo_content()
    {
        var pages = await PublicPagesAsync();
        var before = await MeasureAsync(pages);

        await AddArticlesAsync(300);
        var after = await MeasureAsync(pages);

        foreach (var page in pages)
        {
            output.WriteLine($"{page}: {before[page].Queries} queries for {before[page].Links} article links, then {after[page].Queries} for {after[page].Links}");
            Assert.True(before[page].Queries == after[page].Queries,
                $"{page}: {before[page].Queries} queries with the demo content, {after[page].Queries} with 300 more articles:\n{after[page].Sql}");
        }

        // The pages really show more: the counts held although the lists grew.
        Assert.True(after["/sitemap-tin-tuc-0.xml"].Links >= before["/sitemap-tin-tuc-0.xml"].Links + 250, "the sitemap did not grow");
        Assert.True(after[$"/tin-theo-ngay/{ArchiveDay}"].Links > before[$"/tin-theo-ngay/{ArchiveDay}"].Links, "the day archive did not grow");
        Assert.Equal(HttpStatusCode.NotFound, before["/chuyen-muc/tin-hoat-dong?trang=4"].Status);
        Assert.Equal(HttpStatusCode.OK, after["/chuyen-muc/tin-hoat-dong?trang=4"].Status);
    }

    [Fact]
    public async Task No_public_page_runs_a_query_per_article_or_category_it_shows()
    {
        var pages = await PublicPagesAsync();
        await AddArticlesAsync(300);
        var measured = await MeasureAsync(pages);

        foreach (var page in pages)
        {
            // The layout's caches are warm: what remains is the page's own lists, the counter widget (two here) and the
            // settings-free lookups (category by slug, article by id), a handful whatever the page shows. The home page's
            // article lists (featured, latest, categories) and an article's "Các tin khác" are kept while the article stamp
            // holds, and its documents and video blocks are kept until a document or video changes: one command for the stamp
            // and the counter's two; an article without
            // attachments or linked documents is one command with the counter's two. The sitemap's index reads the highest
            // public id of each kind it splits (articles, documents, videos, albums, questions): five; its fixed pages' file
            // categories, pages and procedures, and the newest of each kind for the lists' lastmod: eight; an article file
            // one range, however many it lists.
            var limit = page switch
            {
                "/sitemap.xml" => 5,
                "/sitemap-trang.xml" => 8,
                "/sitemap-tin-tuc-0.xml" => 1,
                "/" => 3,
                _ when page.StartsWith("/tin-tuc/", StringComparison.Ordinal) => 3,
                _ => 5,
            };
            Assert.True(measured[page].Queries <= limit, $"{page} shows {measured[page].Links} article links with {measured[page].Queries} queries:\n{measured[page].Sql}");
        }
    }

    [Fact]
    public async Task Every_article_query_of_the_public_pages_is_answered_from_an_index()
    {
        var pages = await PublicPagesAsync();
        await AddArticlesAsync(300);
        await MeasureAsync(pages);

        var commands = recorder.All().Where(c => c.Text.Contains("FROM \"Articles\"", StringComparison.Ordinal)).DistinctBy(c => c.Text).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var plan = await ExplainAsync(command);
            var articles = ArticlesAlias().Matches(command.Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            // "SCAN a" reads the whole articles table (or a whole index of it); "USE TEMP B-TREE FOR ORDER BY" sorts every
            // matching row before the first is returned. A scan of a subquery's rows ("SCAN a0" over a LIMIT 10) is fine.
            Assert.False(plan.Any(line => (line.StartsWith("SCAN ", StringComparison.Ordinal) && articles.Contains(line.Split(' ')[1]))
                    || line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)),
                $"{command.Text}\n--\n{string.Join('\n', plan)}");
            // A query for given ids (the search checking its hits) reads them by primary key, not a public-article
            // index range: with the "public" rule in the SQL, SQLite once read every public article's entry for ten ids.
            if (command.Text.Contains("\"Id\" IN (", StringComparison.Ordinal))
            {
                Assert.True(plan.Any(line => line.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal)), $"{command.Text}\n--\n{string.Join('\n', plan)}");
            }
        }
    }

    [Fact]
    public async Task The_search_index_fingerprint_reads_the_newest_indexable_rows_from_the_top_of_indexes()
    {
        _ = factory.Server;
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        await factory.WhenFilesReadAsync();
        await AddArticlesAsync(300);

        recorder.Start();
        using (var scope = factory.Services.CreateScope())
        {
            Assert.NotEmpty((await scope.ServiceProvider.GetRequiredService<SearchContentRepository>().FingerprintAsync()).ToString());
        }

        // Every index write stores the fingerprint. Asked as a MAX over the indexable rows, SQLite walked the public
        // articles' index and read every indexable article's row for the latest update (1.8 s at 1,000,000 articles);
        // read from the top of the change-time index and of the primary key, the newest come at once, never sorted.
        var commands = recorder.Stop().Where(c => c.Text.Contains("ORDER BY", StringComparison.Ordinal) && c.Text.Contains("DESC", StringComparison.Ordinal))
            .DistinctBy(c => c.Text).ToList();
        foreach (var table in new[] { "Articles", "LegalDocuments" })
        {
            var byChange = commands.Where(c => c.Text.Contains($"FROM \"{table}\"", StringComparison.Ordinal) && c.Text.Contains("\"UpdatedAtUtc\" DESC", StringComparison.Ordinal)).ToList();
            var byId = commands.Where(c => c.Text.Contains($"FROM \"{table}\"", StringComparison.Ordinal) && c.Text.Contains("\"Id\" DESC", StringComparison.Ordinal)).ToList();
            Assert.Single(byChange);
            Assert.Single(byId);
            var plan = await ExplainAsync(byChange[0]);
            Assert.True(plan.Any(line => line.Contains($"IX_{table}_UpdatedAtUtc", StringComparison.Ordinal)) && !plan.Any(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)),
                $"{byChange[0].Text}\n--\n{string.Join('\n', plan)}");
            plan = await ExplainAsync(byId[0]);
            Assert.False(plan.Any(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal) || line.Contains("USING INDEX", StringComparison.Ordinal)),
                $"{byId[0].Text}\n--\n{string.Join('\n', plan)}");
        }
    }

    [Fact]
    public async Task The_search_index_fingerprint_of_articles_is_the_count_highest_id_and_latest_update_of_the_indexable_ones()
    {
        _ = factory.Server;
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        await AddArticlesAsync(100);
        Assert.Equal(await ExpectedFingerprintAsync(), await FingerprintAsync());

        // More drafts changed last than the top rows read: the newest indexable come from the aggregate, still exact.
        await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            for (var i = 0; i < 60; i++)
            {
                db.Articles.Add(new ArticleBuilder().Titled(string.Create(CultureInfo.InvariantCulture, $"Bản nháp {i}")).InCategory(category)
                    .WithStatus(ArticleStatus.Draft).CreatedAt(PortalWebApplicationFactory.DefaultNow.UtcDateTime.AddDays(1)).Build());
            }

            await db.SaveChangesAsync();
        });
        Assert.Equal(await ExpectedFingerprintAsync(), await FingerprintAsync());

        async Task<string> FingerprintAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ArticleRepository>().IndexableFingerprintAsync();
        }

        Task<string> ExpectedFingerprintAsync() => factory.WithDbAsync(async db =>
        {
            var indexable = db.Articles.Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc != null);
            var latest = await indexable.MaxAsync(a => (DateTime?)a.UpdatedAtUtc);
            var count = await indexable.CountAsync();
            var maxId = await indexable.MaxAsync(a => a.Id);
            return string.Create(CultureInfo.InvariantCulture, $"{count}:{maxId}:{latest!.Value.Ticks}");
        });
    }

    /// <summary>The public pages, with a demo article and a demo category whose lists the added articles fill.</summary>
    private async Task<List<string>> PublicPagesAsync()
    {
        _ = factory.Server;
        // A page's own commands only: background work (reading the demo files' text at start-up) queries too.
        recorder.Requests = factory.Services.GetRequiredService<IHttpContextAccessor>();
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        // Reading a waiting file's text adds to the change sequence, which makes the kept article lists be read again once.
        await factory.WhenFilesReadAsync();
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.Category!.Slug == "tin-hoat-dong")
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstAsync());
        return
        [
            "/",
            "/chuyen-muc/tin-hoat-dong",
            "/chuyen-muc/tin-hoat-dong?trang=4",
            $"/tin-tuc/{article.Id}/{article.Slug}",
            $"/tin-theo-ngay/{ArchiveDay}",
            "/rss",
            "/rss/tin-hoat-dong",
            "/sitemap.xml",
            "/sitemap-trang.xml",
            "/sitemap-tin-tuc-0.xml",
            "/tim-kiem?q=ph%C3%A1p+lu%E1%BA%ADt",
        ];
    }

    /// <summary>Each page twice to warm the layout's caches, then once more with the recorder on.</summary>
    private async Task<Dictionary<string, PageRun>> MeasureAsync(IEnumerable<string> pages)
    {
        var client = factory.CreateClient();
        var result = new Dictionary<string, PageRun>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            for (var warm = 0; warm < 2; warm++)
            {
                using var warmUp = await client.GetAsync(new Uri(page, UriKind.Relative));
            }

            recorder.Start();
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var sql = recorder.Stop();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{page}: {response.StatusCode}");
            result[page] = new PageRun(response.StatusCode, sql.Count, ArticleLink().Count(body), string.Join("\n--\n", sql.Select(c => c.Text)));
        }

        return result;
    }

    /// <summary>
    /// <paramref name="count"/> articles over all categories and the last 30 days (a tenth on the archive day), with
    /// the states a public page must leave out: drafts, deleted and scheduled articles.
    /// </summary>
    private Task AddArticlesAsync(int count) => factory.WithDbAsync(async db =>
    {
        var categories = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var tinHoatDong = await db.Categories.Where(c => c.Slug == "tin-hoat-dong").Select(c => c.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var published = i % 10 == 0 ? ArchiveDayNoonUtc.AddMinutes(i) : PortalWebApplicationFactory.DefaultNow.UtcDateTime.AddHours(-i * 2.5);
            var title = string.Create(CultureInfo.InvariantCulture, $"Hội nghị triển khai công tác tư pháp số {i}");
            db.Articles.Add(new ArticleBuilder()
                .Titled(title)
                // Every third article in Tin hoạt động, so its page 4 exists; the rest over all categories.
                .InCategory(i % 3 == 0 ? tinHoatDong : categories[i % categories.Count])
                .Featured(i % 7 == 0)
                .WithStatus(i % 50 == 1 ? ArticleStatus.Draft : ArticleStatus.Published)
                .Deleted(i % 50 == 2)
                .WithPublishTime(i % 50 == 3 ? PortalWebApplicationFactory.DefaultNow.UtcDateTime.AddDays(3) : published)
                .CreatedAt(published)
                .Build());
        }

        await db.SaveChangesAsync();
    });

    /// <summary>SQLite's plan for a recorded command, run with the same parameter values.</summary>
    private Task<List<string>> ExplainAsync(RecordedCommand command) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    });

    [GeneratedRegex("/tin-tuc/[0-9]+")]
    private static partial Regex ArticleLink();

    [GeneratedRegex("\"Articles\" AS \"([A-Za-z0-9_]+)\"")]
    private static partial Regex ArticlesAlias();

    private sealed record PageRun(HttpStatusCode Status, int Queries, int Links, string Sql);

    private sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Records the commands a page request sends while on (one request at a time); background work is left out.</summary>
    private sealed class SqlRecorder : DbCommandInterceptor
    {
        private readonly Lock gate = new();

        /// <summary>When set, only the commands run for an HTTP request are recorded (not background work).</summary>
        public IHttpContextAccessor? Requests { get; set; }
        private readonly List<RecordedCommand> all = [];
        private List<RecordedCommand>? current;

        public void Start()
        {
            lock (gate)
            {
                current = [];
            }
        }

        public List<RecordedCommand> Stop()
        {
            lock (gate)
            {
                var recorded = current ?? [];
                current = null;
                all.AddRange(recorded);
                return recorded;
            }
        }

        public List<RecordedCommand> All()
        {
            lock (gate)
            {
                return [.. all];
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            // Set: a request's commands only; unset: every command (a test calling a repository itself).
            if (Requests is not null && Requests.HttpContext is null)
            {
                return;
            }

            lock (gate)
            {
                current?.Add(new RecordedCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            }
        }
    }
}
