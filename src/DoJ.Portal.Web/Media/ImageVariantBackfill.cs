using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Media;

/// <summary>
/// Converts, in the background, images waiting for their variants (<see cref="ImageConversion"/>), one at a time so
/// page requests keep the CPU: images a seeder copied in, or uploads from before variants existed. Conversion is
/// idempotent, so several instances may run it. A failure is logged and tried again at the next tick; it never
/// stops the host.
/// </summary>
public sealed class ImageVariantBackfill(IServiceScopeFactory scopes, IOptions<MediaOptions> options, TimeProvider clock, ILogger<ImageVariantBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackfillEnabled)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(options.Value.BackfillInterval, clock);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
#pragma warning disable CA1031 // The database may be busy or not migrated yet: try again at the next tick.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "Could not make the variants of waiting images; trying again in {Interval}", options.Value.BackfillInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a half-converted image is still waiting and is converted again.
        }
    }

    /// <summary>Converts the images waiting now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImageConversion>().ConvertWaitingAsync(null, cancellationToken);
    }
}
