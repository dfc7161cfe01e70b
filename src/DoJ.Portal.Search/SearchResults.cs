using DoJ.Portal.Domain.Paging;

namespace DoJ.Portal.Search;

/// <param name="Hits">The page; its total is capped at <see cref="SearchIndex.MaxPage"/> pages, the ones a reader can open.</param>
/// <param name="TotalMatches">Every matching entry, as the count shown to the reader; with <see cref="MoreMatches"/>, the count reached before counting stopped.</param>
public sealed record SearchResults(PagedList<SearchHit> Hits, IReadOnlyList<string> Terms, bool AnyWordMatch, long TotalMatches)
{
    /// <summary>Counting stopped at <see cref="TotalMatches"/>: there are more ("hơn 10.000 kết quả").</summary>
    public bool MoreMatches { get; init; }
}
