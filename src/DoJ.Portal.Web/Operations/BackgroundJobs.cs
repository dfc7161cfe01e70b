using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DoJ.Portal.Web.Operations;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>What a finished job reports: a sentence for the administrator and, optionally, one line per detail (e.g. rejected rows).</summary>
public sealed record JobOutcome(string Message, IReadOnlyList<string>? Details = null);

/// <summary>The work of a job: it runs in its own DI scope and reports progress as it goes.</summary>
public delegate Task<JobOutcome> JobWork(IServiceProvider services, JobProgress progress, CancellationToken cancellationToken);

/// <summary>
/// Long admin work (the search reindex, a redirect import) runs here, one job at a time so it never
/// starves page requests on a small machine, while the admin watches a progress bar. Job state lives in
/// this instance's memory: it is a view of work in progress, not data (see docs/decisions.md).
/// </summary>
public sealed class BackgroundJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundJobs> logger) : BackgroundService
{
    /// <summary>How many finished jobs stay listed.</summary>
    public const int History = 30;

    private readonly Channel<Job> queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, Job> jobs = new();
    private readonly Lock gate = new();

    /// <summary>
    /// Queues <paramref name="work"/>, unless a job of the same <paramref name="kind"/> is already queued or
    /// running: then that job is returned, so a double click never runs a reindex twice.
    /// </summary>
    public JobSnapshot Enqueue(string kind, string title, string startedBy, JobWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            var pending = jobs.Values.FirstOrDefault(j => j.Kind == kind && !j.Snapshot().IsFinished);
            if (pending is not null)
            {
                return pending.Snapshot();
            }

            var job = new Job(Guid.NewGuid(), kind, title, startedBy, clock.GetUtcNow().UtcDateTime, work);
            jobs[job.Id] = job;
            Trim();
            queue.Writer.TryWrite(job);
            return job.Snapshot();
        }
    }

    public JobSnapshot? Find(Guid id) => jobs.TryGetValue(id, out var job) ? job.Snapshot() : null;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<JobSnapshot> Recent() =>
        jobs.Values.Select(j => j.Snapshot()).OrderByDescending(j => j.QueuedAtUtc).ThenBy(j => j.Id).ToList();

    /// <summary>Completes when the job has finished (or at once for an unknown id); for tests and commands.</summary>
    public Task WhenFinishedAsync(Guid id) => jobs.TryGetValue(id, out var job) ? job.Finished.Task : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        job.State = JobState.Running;
        logger.LogInformation("Job {Kind} {JobId} started by {User}", job.Kind, job.Id, job.StartedBy);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await job.Work(scope.ServiceProvider, job.Progress, stoppingToken);
            job.Finish(JobState.Succeeded, outcome.Message, outcome.Details ?? [], clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Job {Kind} {JobId} finished: {Message}", job.Kind, job.Id, outcome.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Finish(JobState.Failed, "Tác vụ bị dừng vì máy chủ tắt; hãy chạy lại.", [], clock.GetUtcNow().UtcDateTime);
        }
#pragma warning disable CA1031 // A failed job is reported on its page; the worker goes on with the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Job {Kind} {JobId} failed", job.Kind, job.Id);
            job.Finish(JobState.Failed, "Tác vụ gặp lỗi và đã dừng. Chi tiết được ghi trong nhật ký máy chủ.", [], clock.GetUtcNow().UtcDateTime);
        }
    }

    private void Trim()
    {
        foreach (var old in jobs.Values.Where(j => j.Snapshot().IsFinished).OrderByDescending(j => j.QueuedAtUtc).Skip(History).ToList())
        {
            jobs.TryRemove(old.Id, out _);
        }
    }

    private sealed class Job(Guid id, string kind, string title, string startedBy, DateTime queuedAtUtc, JobWork work)
    {
        private volatile string? message;
        private IReadOnlyList<string> details = [];
        private DateTime? finishedAtUtc;

        public Guid Id { get; } = id;

        public string Kind { get; } = kind;

        public string StartedBy { get; } = startedBy;

        public DateTime QueuedAtUtc { get; } = queuedAtUtc;

        public JobWork Work { get; } = work;

        public JobProgress Progress { get; } = new();

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private volatile JobState state;

        public JobState State
        {
            get => state;
            set => state = value;
        }

        public void Finish(JobState newState, string text, IReadOnlyList<string> lines, DateTime atUtc)
        {
            details = lines;
            finishedAtUtc = atUtc;
            message = text;
            State = newState;
            Finished.TrySetResult();
        }

        public JobSnapshot Snapshot() =>
            new(Id, Kind, title, StartedBy, QueuedAtUtc, finishedAtUtc, State, Progress.Done, Progress.Total, message, details);
    }
}
