using DoJ.Portal.Search;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// When a rebuilt search index is swapped in, the cached search and register pages go: a stale index answers searches
/// while its replacement is built (at start-up after the database changed), and its answers must not outlive it.
/// </summary>
public sealed class SearchRebuildEviction(SearchIndex index, PublicCache cache, ILogger<SearchRebuildEviction> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        index.Rebuilt += OnRebuilt;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        index.Rebuilt -= OnRebuilt;
        return Task.CompletedTask;
    }

    private void OnRebuilt(object? sender, EventArgs e) => _ = EvictAsync();

    private async Task EvictAsync()
    {
        try
        {
            await cache.SearchResultsChangedAsync();
        }
#pragma warning disable CA1031 // A failed eviction (Redis away) leaves pages to expire on their own; it must not end the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not evict the cached search pages after the search index was rebuilt");
        }
    }
}
