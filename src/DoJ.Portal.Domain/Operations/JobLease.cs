namespace DoJ.Portal.Domain.Operations;

/// <summary>
/// One row per scheduled job that must run once across all instances (the personal-data retention, …): an
/// instance runs the job only after taking the lease with a conditional update, so two instances never run
/// it at the same time and a run that is due is done by one of them.
/// </summary>
public class JobLease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 100;
    public const int OutcomeMaxLength = 1000;

    /// <summary>The job's name, e.g. <c>personal-data-retention</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The instance holding the lease, until <see cref="LeasedUntilUtc"/>.</summary>
    public string? Holder { get; set; }
    public DateTime? LeasedUntilUtc { get; set; }

    /// <summary>When the job last ran to the end, and what it did.</summary>
    public DateTime? LastRunAtUtc { get; set; }
    public string? LastOutcome { get; set; }

    /// <summary>Changed on every update, so a lease is taken by one instance only.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
