using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Privacy;

/// <summary>
/// Every <see cref="PrivacyOptions.CheckMinutes"/> each host asks whether the daily retention run is due; the job's
/// lease makes one of them run it and the others stand aside (<see cref="PersonalDataRetention"/>).
/// </summary>
public sealed partial class RetentionSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PrivacyOptions> options,
    ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundRetention)
        {
            return;
        }

        // The first look waits one interval: a host starting is busy enough, and tests seed data before any run.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckMinutes)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunIfDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunIfDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var counts = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RunIfDueAsync(stoppingToken);
            if (counts is not null)
            {
                LogRan(counts.Questions, counts.Comments, counts.Mails);
            }
        }
#pragma warning disable CA1031 // A failed run (database busy) is tried again at the next look.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal-data retention: {Questions} questions, {Comments} comments erased, {Mails} mails deleted")]
    private partial void LogRan(int questions, int comments, int mails);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Personal-data retention run failed; it is tried again at the next look")]
    private partial void LogFailed(Exception exception);
}
