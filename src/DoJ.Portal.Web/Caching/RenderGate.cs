namespace DoJ.Portal.Web.Caching;

/// <summary>
/// At most one large response rendered per core at a time; the others wait, holding nothing. A sitemap file is
/// 1.8 MB, held whole until it is complete for its ETag (<see cref="PageValidatorMiddleware"/>): 32 crawlers at once
/// held about 60 MB of buffers and lifted the server's peak memory from about 280 to 440 MiB at 1,000,000 articles,
/// for no more files a second, since rendering one is CPU-bound (docs/performance.md, issue 22). Cache hits are answered
/// before the action and never wait here.
/// </summary>
public sealed class RenderGate : IDisposable
{
    private readonly SemaphoreSlim slots;

    public RenderGate()
        : this(Environment.ProcessorCount)
    {
    }

    public RenderGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        this.slots = new SemaphoreSlim(slots, slots);
        Slots = slots;
    }

    public int Slots { get; }

    /// <summary>Free slots now.</summary>
    public int Free => slots.CurrentCount;

    /// <summary>Waits for a slot; disposing the returned value (once or more) gives it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
