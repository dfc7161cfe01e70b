using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Mail;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Mail;

/// <summary>
/// Sends the <see cref="OutgoingMail"/> rows in the background, so no request waits for a mail server. Each
/// message is claimed first (<see cref="OutgoingMailRepository.TryClaimAsync"/>), so several instances send it
/// once; a failure is recorded (without the address) and tried again later with a growing wait, and after
/// <see cref="OutgoingMail.MaxAttempts"/> the message is given up and shown to administrators.
/// </summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, MailDelivery delivery, TimeProvider clock,
    IOptions<MailOptions> options, ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundSending)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
#pragma warning disable CA1031 // The database may be busy or gone for a moment: the next look tries again.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogLookFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends the messages due now (one batch); returns how many this sender sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<OutgoingMailRepository>();
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var id in await queue.ListDueAsync(now, Math.Max(1, options.Value.BatchSize), cancellationToken))
        {
            if (await SendOneAsync(queue, id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(OutgoingMailRepository queue, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mail = await queue.TryClaimAsync(id, now, now.AddSeconds(Math.Max(30, options.Value.ClaimSeconds)), cancellationToken);
        if (mail is null)
        {
            return false; // Another sender has it, or it was sent meanwhile.
        }

        try
        {
            await delivery.DeliverAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = mail.Attempts + 1;
            var failedAt = clock.GetUtcNow().UtcDateTime;
            DateTime? next = attempts >= OutgoingMail.MaxAttempts ? null : failedAt + MailRetry.WaitAfter(attempts);
            await queue.MarkFailedAsync(id, attempts, MailRetry.Describe(ex), next, failedAt, CancellationToken.None);
            // The id and the kind of error only: the address and the server's reply (which may quote it) stay out of the log.
            if (next is null)
            {
                LogGaveUp(id, attempts, ex.GetType().Name);
            }
            else
            {
                LogFailed(id, attempts, ex.GetType().Name);
            }

            return false;
        }

        await queue.MarkSentAsync(id, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        LogSent(id, mail.Purpose);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Purpose}) sent")]
    private partial void LogSent(long mailId, string purpose);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} failed (attempt {Attempts}, {Error}); it will be tried again")]
    private partial void LogFailed(long mailId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} given up after {Attempts} attempts ({Error})")]
    private partial void LogGaveUp(long mailId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for mail to send")]
    private partial void LogLookFailed(Exception exception);
}
