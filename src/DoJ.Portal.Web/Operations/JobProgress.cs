namespace DoJ.Portal.Web.Operations;

/// <summary>Progress counters a job updates from its own thread; readers see them at once.</summary>
public sealed class JobProgress
{
    private long done;
    private long total;

    public long Done => Interlocked.Read(ref done);

    public long Total => Interlocked.Read(ref total);

    public void SetTotal(long value) => Interlocked.Exchange(ref total, Math.Max(0, value));

    public void Report(long value) => Interlocked.Exchange(ref done, Math.Max(0, value));

    public void Advance(long by = 1) => Interlocked.Add(ref done, by);
}
