namespace DoJ.Portal.Web.Caching;

/// <summary>The <c>OutputCache</c> configuration section.</summary>
public sealed class PageCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>Off: every page is rendered for every request (benchmarks of cache misses, debugging).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a page is kept when nothing evicts it. Saves evict at once; this bounds what no save
    /// announces (the "visitors now" figure for readers without JavaScript).
    /// </summary>
    public int PageSeconds { get; set; } = 300;

    /// <summary>How long the visit counter fragment is shared between readers.</summary>
    public int CounterSeconds { get; set; } = 2;

    /// <summary>How often scheduled articles that have come due are looked for (their pages are then evicted).</summary>
    public int ScheduledCheckSeconds { get; set; } = 15;

    /// <summary>The memory the in-process store may use; the oldest entries go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 100;
}
