using DoJ.Portal.Domain.Paging;

namespace DoJ.Portal.Search;

/// <param name="Hits">The page; its total is capped at <see cref="SearchIndex.MaxPage"/> pages, the ones a reader can open.</param>
/// <param name="TotalMatches">Every matching article, as the count shown to the reader.</param>
public sealed record SearchResults(PagedList<SearchHit> Hits, IReadOnlyList<string> Terms, bool AnyWordMatch, long TotalMatches);
