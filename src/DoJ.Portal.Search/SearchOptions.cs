namespace DoJ.Portal.Search;

/// <summary>The <c>Search</c> section: where this instance keeps its index, and how it follows the others.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// This instance's own index folder; relative to <c>Storage:DataPath</c>, default <c>search-index</c>.
    /// Instances sharing a data folder must each set their own (a Lucene index has one writer).
    /// </summary>
    public string? IndexPath { get; set; }

    /// <summary>How often the index applies the changes other instances made (the longest delay before a search finds them).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long changes stay in <c>ContentChanges</c>; an index that fell further behind is rebuilt.</summary>
    public TimeSpan ChangeRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A missing id in the change sequence (a save still committing, or a rolled-back one) is waited for this
    /// long before the index moves past it; the changes after it are applied meanwhile.
    /// </summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many recent answers (a page of results, or a register lookup) are kept until the index changes or a
    /// scheduled entry comes due; 0 keeps none. About 10–20 KB each.
    /// </summary>
    public int ResultCacheEntries { get; set; } = 500;

    /// <summary>
    /// A rebuild's in-memory buffer before it writes a segment, in MB (Lucene's default is 16): more is fewer segments to
    /// merge and costs up to that much more memory while a rebuild runs (docs/perf-rebuild.md).
    /// </summary>
    public double RebuildBufferMB { get; set; } = DefaultRebuildBufferMB;

    public const double DefaultRebuildBufferMB = 32;
}
