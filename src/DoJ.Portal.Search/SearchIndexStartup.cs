using DoJ.Portal.Data.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoJ.Portal.Search;

/// <summary>
/// Checks the search index at start-up, in the background so the site serves pages meanwhile, and
/// rebuilds it when needed. Retries while the database is not ready yet (e.g. a migration job still running).
/// </summary>
public sealed class SearchIndexStartup(SearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);
    private const int Attempts = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await index.EnsureCurrentAsync(scope.ServiceProvider.GetRequiredService<SearchContentRepository>(), stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The site keeps serving pages; search says it is unavailable until this succeeds.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Could not prepare the search index (attempt {Attempt} of {Attempts})", attempt, Attempts);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
