using DoJ.Portal.Domain.Mail;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>Where a message stands, as the administrators' list filters it.</summary>
public enum MailState
{
    /// <summary>Chờ gửi: not tried yet.</summary>
    Waiting,

    /// <summary>Lỗi, đang thử lại: failed at least once, will be tried again.</summary>
    Retrying,

    /// <summary>Đã gửi.</summary>
    Sent,

    /// <summary>Đã bỏ: failed <see cref="OutgoingMail.MaxAttempts"/> times.</summary>
    GivenUp,
}

/// <summary>One row of the administrators' list: the address is masked, the body is not read.</summary>
public sealed record MailRow(long Id, string Purpose, string Subject, string ToAddress, DateTime CreatedAtUtc, int Attempts,
    DateTime? NextAttemptAtUtc, DateTime? SentAtUtc, DateTime? GaveUpAtUtc, string? LastError)
{
    public MailState State => SentAtUtc is not null ? MailState.Sent
        : GaveUpAtUtc is not null ? MailState.GivenUp
        : Attempts > 0 ? MailState.Retrying
        : MailState.Waiting;
}

/// <summary>
/// The outgoing mail queue. A sender takes a row with one conditional UPDATE (<see cref="TryClaimAsync"/>), so two
/// instances polling the same table never send the same message; the claim expires, so a crashed sender's
/// message is tried again later.
/// </summary>
public sealed class OutgoingMailRepository(PortalDbContext db)
{
    /// <summary>The ids of messages due at <paramref name="nowUtc"/> and not claimed by a live sender, oldest first.</summary>
    public async Task<IReadOnlyList<long>> ListDueAsync(DateTime nowUtc, int count, CancellationToken cancellationToken = default) =>
        await db.OutgoingMails.AsNoTracking()
            .Where(m => m.NextAttemptAtUtc != null && m.NextAttemptAtUtc <= nowUtc && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc <= nowUtc))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Claims message <paramref name="id"/> until <paramref name="untilUtc"/> when it is still due and unclaimed; the
    /// check and the claim are one UPDATE, so of two senders exactly one gets it. Returns the message, or null.
    /// </summary>
    public async Task<OutgoingMail?> TryClaimAsync(long id, DateTime nowUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        var claimed = await db.OutgoingMails
            .Where(m => m.Id == id && m.SentAtUtc == null && m.GaveUpAtUtc == null
                && m.NextAttemptAtUtc != null && m.NextAttemptAtUtc <= nowUtc
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc <= nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, untilUtc), cancellationToken);
        return claimed == 1
            ? await db.OutgoingMails.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            : null;
    }

    public async Task MarkSentAsync(long id, DateTime atUtc, CancellationToken cancellationToken = default) =>
        await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAtUtc, atUtc)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);

    /// <summary>Records a failed attempt: tried again at <paramref name="nextAttemptAtUtc"/>, or given up when that is null.</summary>
    public async Task MarkFailedAsync(long id, int attempts, string error, DateTime? nextAttemptAtUtc, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        var text = error.Length <= OutgoingMail.ErrorMaxLength ? error : error[..OutgoingMail.ErrorMaxLength];
        DateTime? gaveUp = nextAttemptAtUtc is null ? atUtc : null;
        await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.NextAttemptAtUtc, nextAttemptAtUtc)
            .SetProperty(m => m.GaveUpAtUtc, gaveUp)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
    }

    /// <summary>Puts a given-up message back in the queue with a fresh count of attempts; false when it is not given up.</summary>
    public async Task<bool> RetryAsync(long id, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        await db.OutgoingMails.Where(m => m.Id == id && m.GaveUpAtUtc != null && m.SentAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.GaveUpAtUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, nowUtc)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken) == 1;

    public Task<int> CountGivenUpAsync(CancellationToken cancellationToken = default) =>
        db.OutgoingMails.CountAsync(m => m.GaveUpAtUtc != null && m.SentAtUtc == null, cancellationToken);

    public async Task<PagedList<MailRow>> ListAsync(MailState? state, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.OutgoingMails.AsNoTracking();
        query = state switch
        {
            MailState.Sent => query.Where(m => m.SentAtUtc != null),
            MailState.GivenUp => query.Where(m => m.SentAtUtc == null && m.GaveUpAtUtc != null),
            MailState.Retrying => query.Where(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.Attempts > 0),
            MailState.Waiting => query.Where(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.Attempts == 0),
            _ => query,
        };
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(m => new MailRow(m.Id, m.Purpose, m.Subject, m.ToAddress, m.CreatedAtUtc, m.Attempts, m.NextAttemptAtUtc, m.SentAtUtc, m.GaveUpAtUtc, m.LastError))
            .ToListAsync(cancellationToken);
        return new PagedList<MailRow>(items, page, pageSize, total);
    }

    /// <summary>Deletes sent and given-up messages finished before <paramref name="beforeUtc"/> (the recipient is personal data).</summary>
    public Task<int> DeleteFinishedBeforeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default) =>
        db.OutgoingMails
            .Where(m => (m.SentAtUtc != null && m.SentAtUtc < beforeUtc) || (m.SentAtUtc == null && m.GaveUpAtUtc != null && m.GaveUpAtUtc < beforeUtc))
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> CountToAsync(string address, CancellationToken cancellationToken = default) =>
        db.OutgoingMails.CountAsync(m => m.ToAddress == address, cancellationToken);

    /// <summary>Deletes every message to <paramref name="address"/>, whatever its state (an erasure on request).</summary>
    public Task<int> DeleteToAsync(string address, CancellationToken cancellationToken = default) =>
        db.OutgoingMails.Where(m => m.ToAddress == address).ExecuteDeleteAsync(cancellationToken);
}
