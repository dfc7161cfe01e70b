using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>
/// Counts matches up to <paramref name="cap"/> and stops one past it: the page then says "hơn 10.000 kết quả" rather
/// than walking half a million matches to print their exact number. Each segment past the cap is skipped at once.
/// </summary>
internal sealed class CappedHitCounter(int cap) : ICollector
{
    private int seen;

    /// <summary>The matches counted, at most the cap.</summary>
    public int Count => Math.Min(seen, cap);

    /// <summary>There are more matches than the cap.</summary>
    public bool Reached => seen > cap;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (Reached)
        {
            throw new CollectionTerminatedException();
        }
    }

    public void Collect(int doc)
    {
        if (++seen > cap)
        {
            throw new CollectionTerminatedException();
        }
    }
}
