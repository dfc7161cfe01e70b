using System.Collections.Concurrent;

namespace DoJ.Portal.Data.Repositories;

/// <summary>
/// Counts of public lists kept between requests (a singleton per kind), for the pagers of lists so long that counting
/// them costs more than the page: an entry holds while its stamp (what changes whenever the counted rows are saved or
/// added, read in one cheap command) is the same and the time it was valid before (the next scheduled item coming due)
/// has not come. A missing stamp (an empty database) keeps nothing.
/// </summary>
public class KeptTotals<TKey, TStamp> where TKey : notnull where TStamp : class
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();

    public bool TryGet(TKey key, TStamp? stamp, DateTime nowUtc, out long total)
    {
        if (stamp is not null && entries.TryGetValue(key, out var entry) && entry.Stamp.Equals(stamp) && nowUtc < entry.ValidBeforeUtc)
        {
            total = entry.Total;
            return true;
        }

        total = 0;
        return false;
    }

    public void Set(TKey key, TStamp? stamp, DateTime validBeforeUtc, long total)
    {
        if (stamp is not null)
        {
            entries[key] = new Entry(stamp, validBeforeUtc, total);
        }
    }

    /// <summary>Drops every kept count (a save on this instance that the stamp may not show).</summary>
    public void Forget() => entries.Clear();

    private sealed record Entry(TStamp Stamp, DateTime ValidBeforeUtc, long Total);
}
