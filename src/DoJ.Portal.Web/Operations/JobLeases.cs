using DoJ.Portal.Data;
using DoJ.Portal.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Operations;

/// <summary>This host's name as a lease holder: unique per process start, so two hosts in one process differ too.</summary>
public sealed class LeaseHolder
{
    public string Name { get; } = Bounded($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");

    // The random part last and kept: a long machine name is cut from its start.
    private static string Bounded(string name) => name.Length <= JobLease.HolderMaxLength ? name : name[^JobLease.HolderMaxLength..];
}

/// <summary>A lease this instance holds: the job may run until <see cref="UntilUtc"/>.</summary>
public sealed record JobLeaseTicket(string Name, Guid Stamp, DateTime StartedAtUtc, DateTime UntilUtc);

/// <summary>
/// Jobs that must run once across all instances take a <see cref="JobLease"/> row first. Taking it is an update
/// conditioned on the row's <see cref="JobLease.ConcurrencyStamp"/> (optimistic concurrency): of two instances
/// reading the same free lease, the second one's update matches no row and it stands aside. A lease expires,
/// so a host that dies mid-run does not block the job for ever.
/// </summary>
public sealed class JobLeases(PortalDbContext db, TimeProvider clock, LeaseHolder holder)
{
    /// <summary>The job's row as the jobs screen shows it (null before its first run).</summary>
    public Task<JobLease?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        db.JobLeases.AsNoTracking().SingleOrDefaultAsync(j => j.Name == name, cancellationToken);

    /// <summary>
    /// Takes the lease of <paramref name="name"/> for <paramref name="leaseFor"/> when no live lease exists and, unless
    /// <paramref name="every"/> is null, when the last run is at least that long ago. Null when not taken.
    /// </summary>
    public async Task<JobLeaseTicket?> TryTakeAsync(string name, TimeSpan leaseFor, TimeSpan? every, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        var lease = await db.JobLeases.SingleOrDefaultAsync(j => j.Name == name, cancellationToken);
        if (lease is null)
        {
            lease = new JobLease { Name = name };
            db.JobLeases.Add(lease);
        }
        else if (lease.LeasedUntilUtc > now || (every is { } interval && lease.LastRunAtUtc is { } last && now - last < interval))
        {
            return null;
        }

        lease.Holder = holder.Name;
        lease.LeasedUntilUtc = now + leaseFor;
        lease.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance took it (a changed stamp), or created the row first (a duplicate key).
            db.ChangeTracker.Clear();
            return null;
        }

        return new JobLeaseTicket(name, lease.ConcurrencyStamp, now, lease.LeasedUntilUtc.Value);
    }

    /// <summary>Records the run's end and frees the lease; false when the lease had expired and was taken by another.</summary>
    public Task<bool> CompleteAsync(JobLeaseTicket ticket, string outcome, CancellationToken cancellationToken = default) =>
        ReleaseAsync(ticket, outcome, cancellationToken);

    /// <summary>Frees the lease after a failed run, leaving the last successful run as it was.</summary>
    public Task<bool> AbandonAsync(JobLeaseTicket ticket, CancellationToken cancellationToken = default) =>
        ReleaseAsync(ticket, null, cancellationToken);

    private async Task<bool> ReleaseAsync(JobLeaseTicket ticket, string? outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        db.ChangeTracker.Clear();
        var lease = await db.JobLeases.SingleOrDefaultAsync(j => j.Name == ticket.Name, cancellationToken);
        if (lease is null || lease.ConcurrencyStamp != ticket.Stamp)
        {
            return false;
        }

        if (outcome is not null)
        {
            lease.LastRunAtUtc = ticket.StartedAtUtc;
            lease.LastOutcome = outcome.Length <= JobLease.OutcomeMaxLength ? outcome : outcome[..JobLease.OutcomeMaxLength];
        }

        lease.Holder = null;
        lease.LeasedUntilUtc = null;
        lease.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
