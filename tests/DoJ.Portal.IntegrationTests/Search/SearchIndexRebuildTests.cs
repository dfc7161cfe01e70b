using AngleSharp.Html.Dom;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Search;

/// <summary>
/// A rebuild (the <c>reindex</c> command, the jobs screen) writes a new index beside the live one: searches go on
/// answering from the old index until the new one is swapped in, and nothing saved meanwhile is lost.
/// </summary>
public sealed class SearchIndexRebuildTests
{
    private static readonly DateTime Published = new(2026, 10, 1, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Two indexed articles, then a rebuild held after its first batch. Meanwhile the first article's title changes in
    /// the database outside the change sequence (as a restore or the dataset generator would: only a rebuild sees it),
    /// and the second is saved as the admin area does (a recorded change, and this instance's index updated at once).
    /// </summary>
    private sealed class Scenario(PortalWebApplicationFactory factory, string? dataPath = null) : IAsyncDisposable
    {
        private readonly HeldProgress progress = new();
        private AsyncServiceScope? scope;

        public PortalWebApplicationFactory Factory => factory;

        public SearchIndex Index => factory.Services.GetRequiredService<SearchIndex>();

        public string IndexPath => Path.Combine(dataPath ?? factory.DataPath, SearchIndex.FolderName);

        public Article Rebuilt { get; private set; } = null!;

        public Article Saved { get; private set; } = null!;

        /// <summary>The index folders (generations) before the rebuild started.</summary>
        public string[] FoldersBefore { get; private set; } = [];

        public Task<int> Rebuild { get; private set; } = Task.FromResult(0);

        public async Task StartAsync()
        {
            await Index.WhenReady;
            Rebuilt = await AddIndexedAsync("Hội nghị bàn về vườn sầu riêng của tỉnh");
            Saved = await AddIndexedAsync("Tập huấn nghiệp vụ cho người trồng thanh long");
            const string title = "Hội nghị bàn về vườn măng cụt của tỉnh";
            await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE Articles SET Title = {title}, Summary = {title}, Body = {title} WHERE Id = {Rebuilt.Id}"));
            FoldersBefore = Directory.GetDirectories(IndexPath);

            scope = factory.Services.CreateAsyncScope();
            var content = scope.Value.ServiceProvider.GetRequiredService<SearchContentRepository>();
            Rebuild = Task.Run(() => Index.RebuildAsync(content, progress));
            await progress.Held.WaitAsync(TimeSpan.FromMinutes(2));
        }

        /// <summary>Saves the second article as the admin area does, while the rebuild is held.</summary>
        public async Task SaveDuringRebuildAsync()
        {
            await factory.WithDbAsync(async db =>
            {
                var row = await db.Articles.SingleAsync(a => a.Id == Saved.Id);
                row.Title = row.Summary = row.Body = "Tập huấn nghiệp vụ cho người trồng chôm chôm";
                row.UpdatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync();
            });
            await UpdateIndexAsync(Saved.Id);
        }

        public async Task<int> FinishAsync()
        {
            progress.Release();
            var count = await Rebuild;
            await factory.Services.GetRequiredService<PublicCache>().SearchResultsChangedAsync();
            return count;
        }

        public async Task<List<string>> SearchAsync(string query)
        {
            var document = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
            return Links(document);
        }

        public static string Link(Article article) => $"/tin-tuc/{article.Id}/{article.Slug}";

        public async ValueTask DisposeAsync()
        {
            progress.Release();
            await Rebuild.ContinueWith(_ => { }, TaskScheduler.Default);
            if (scope is { } open)
            {
                await open.DisposeAsync();
            }

            progress.Dispose();
        }

        private static List<string> Links(IHtmlDocument document) =>
            document.QuerySelectorAll(".search-results .article-title a").Select(a => a.GetAttribute("href")!).ToList();

        private async Task<Article> AddIndexedAsync(string title)
        {
            var article = await factory.AddArticleAsync(title, "thong-bao", Published);
            await UpdateIndexAsync(article.Id);
            return article;
        }

        private async Task UpdateIndexAsync(int id)
        {
            await using var updateScope = factory.Services.CreateAsyncScope();
            await Index.UpdateArticleAsync(updateScope.ServiceProvider.GetRequiredService<ArticleRepository>(), id);
        }
    }

    /// <summary>Holds the rebuild's indexing threads at their first report until released.</summary>
    private sealed class HeldProgress : IProgress<int>, IDisposable
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim released = new();

        public Task Held => held.Task;

        public void Report(int value)
        {
            held.TrySetResult();
            released.Wait(TimeSpan.FromMinutes(2));
        }

        public void Release() => released.Set();

        public void Dispose() => released.Dispose();
    }

    [Fact]
    public async Task While_a_rebuild_runs_searches_answer_from_the_old_index_which_saves_still_update()
    {
        using var factory = new PortalWebApplicationFactory();
        await using var scenario = new Scenario(factory);
        await scenario.StartAsync();

        Assert.False(scenario.Rebuild.IsCompleted);
        Assert.Contains(Scenario.Link(scenario.Rebuilt), await scenario.SearchAsync("sầu riêng"));
        Assert.DoesNotContain(Scenario.Link(scenario.Rebuilt), await scenario.SearchAsync("măng cụt"));

        await scenario.SaveDuringRebuildAsync();

        Assert.False(scenario.Rebuild.IsCompleted);
        Assert.Contains(Scenario.Link(scenario.Saved), await scenario.SearchAsync("chôm chôm"));
    }

    [Fact]
    public async Task After_the_swap_the_rebuilt_content_is_found_and_the_old_index_folder_is_removed()
    {
        using var factory = new PortalWebApplicationFactory();
        await using var scenario = new Scenario(factory);
        await scenario.StartAsync();
        var old = Assert.Single(scenario.FoldersBefore);

        var count = await scenario.FinishAsync();

        Assert.True(count >= 2);
        Assert.Contains(Scenario.Link(scenario.Rebuilt), await scenario.SearchAsync("măng cụt"));
        Assert.DoesNotContain(Scenario.Link(scenario.Rebuilt), await scenario.SearchAsync("sầu riêng"));
        Assert.False(Directory.Exists(old));
        var live = Assert.Single(Directory.GetDirectories(scenario.IndexPath));
        Assert.Equal(Path.GetFileName(live), (await File.ReadAllTextAsync(Path.Combine(scenario.IndexPath, "current"))).Trim());
    }

    [Fact]
    public async Task An_article_saved_during_the_rebuild_is_found_in_the_new_index_and_after_a_restart()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "rebuild-" + Guid.NewGuid().ToString("N"));
        using (var factory = new PortalWebApplicationFactory().With("Storage:DataPath", shared))
        {
            await using var scenario = new Scenario(factory, shared);
            await scenario.StartAsync();
            await scenario.SaveDuringRebuildAsync();

            await scenario.FinishAsync();

            Assert.Contains(Scenario.Link(scenario.Saved), await scenario.SearchAsync("chôm chôm"));
            Assert.DoesNotContain(Scenario.Link(scenario.Saved), await scenario.SearchAsync("thanh long"));
        }

        // The new index stored the change it applied: the next start finds it current and keeps it.
        SqlitePools.Clear(shared);
        var generation = (await File.ReadAllTextAsync(Path.Combine(shared, SearchIndex.FolderName, "current"))).Trim();
        using (var restarted = new PortalWebApplicationFactory().With("Storage:DataPath", shared))
        {
            await restarted.Services.GetRequiredService<SearchIndex>().WhenReady;
            var document = await restarted.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString("chôm chôm"));

            Assert.Contains(document.QuerySelectorAll(".search-results .article-title a"), a => a.TextContent.Contains("chôm chôm", StringComparison.Ordinal));
            Assert.Equal(generation, (await File.ReadAllTextAsync(Path.Combine(shared, SearchIndex.FolderName, "current"))).Trim());
        }

        Directory.Delete(shared, recursive: true);
    }
}
