namespace DoJ.Portal.Search;

/// <summary>
/// Where an index stands in the <c>ContentChanges</c> sequence. Ids are given out when a save starts and
/// become visible when it commits, so on SQL Server a later id can appear before an earlier one: the
/// position only moves over contiguous ids, changes beyond a gap are applied and remembered, and a gap is
/// given up after a timeout (its save was rolled back, or the identity jumped).
/// </summary>
public sealed class ChangeCursor(long position)
{
    private readonly SortedSet<long> ahead = [];
    private DateTime? gapSinceUtc;

    /// <summary>Every change up to here is applied (what the index stores, and resumes from).</summary>
    public long Position { get; private set; } = position;

    /// <summary>False for a change applied already.</summary>
    public bool IsNew(long id) => id > Position && !ahead.Contains(id);

    /// <summary>Marks <paramref name="applied"/> and moves the position as far as it can; true when it moved.</summary>
    public bool Advance(IEnumerable<long> applied, DateTime nowUtc, TimeSpan gapTimeout)
    {
        ArgumentNullException.ThrowIfNull(applied);
        foreach (var id in applied.Where(i => i > Position))
        {
            ahead.Add(id);
        }

        var start = Position;
        while (ahead.Count > 0)
        {
            var next = ahead.Min;
            if (next != Position + 1)
            {
                gapSinceUtc ??= nowUtc;
                if (nowUtc - gapSinceUtc < gapTimeout)
                {
                    break;
                }
            }

            Position = next;
            ahead.Remove(next);
            gapSinceUtc = null;
        }

        return Position != start;
    }

    /// <summary>After a rebuild: everything up to <paramref name="position"/> is in the index.</summary>
    public void Reset(long position)
    {
        Position = position;
        ahead.Clear();
        gapSinceUtc = null;
    }
}
