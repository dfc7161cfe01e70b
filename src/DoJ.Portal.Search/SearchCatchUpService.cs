using DoJ.Portal.Data.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Search;

/// <summary>
/// Every <c>Search:CatchUpInterval</c> (2 s), applies to this instance's index the content changes saved
/// by any instance, and once an hour prunes changes older than <c>Search:ChangeRetention</c> (idempotent:
/// any number of instances may prune at once). A failed round is logged and tried again next time.
/// </summary>
public sealed class SearchCatchUpService(SearchIndex index, IServiceScopeFactory scopes, TimeProvider clock, IOptions<SearchOptions> options, ILogger<SearchCatchUpService> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await index.WhenReady.WaitAsync(stoppingToken);
            var nextPrune = DateTime.MinValue;
            using var timer = new PeriodicTimer(settings.CatchUpInterval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var content = scope.ServiceProvider.GetRequiredService<SearchContentRepository>();
                    var now = clock.GetUtcNow().UtcDateTime;
                    // While a round applies something, more changes may be waiting: apply them now.
                    int applied;
                    do
                    {
                        applied = await index.CatchUpAsync(content, now, settings.GapTimeout, cancellationToken: stoppingToken);
                    }
                    while (applied > 0);

                    if (now >= nextPrune)
                    {
                        await content.Articles.PruneChangesAsync(now - settings.ChangeRetention, stoppingToken);
                        nextPrune = now + PruneEvery;
                    }
                }
#pragma warning disable CA1031 // The index stays as it is and the next round tries again.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "Could not apply the latest content changes to the search index; trying again in {Interval}", settings.CatchUpInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
