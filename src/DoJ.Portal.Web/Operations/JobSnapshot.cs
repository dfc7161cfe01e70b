namespace DoJ.Portal.Web.Operations;

/// <summary>A job as the admin screens show it, at one moment.</summary>
public sealed record JobSnapshot(
    Guid Id,
    string Kind,
    string Title,
    string StartedBy,
    DateTime QueuedAtUtc,
    DateTime? FinishedAtUtc,
    JobState State,
    long Done,
    long Total,
    string? Message,
    IReadOnlyList<string> Details)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

    /// <summary>0–100; a finished job is at 100, a job of unknown size at 0 until it ends.</summary>
    public int Percent => State == JobState.Succeeded ? 100 : Total <= 0 ? 0 : (int)Math.Clamp(Done * 100 / Total, 0, 100);
}
