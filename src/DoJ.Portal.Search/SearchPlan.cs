using Lucene.Net.Search;

namespace DoJ.Portal.Search;

/// <summary>What a search runs: the articles that match (counted), and the same set cut into levels, in result order.</summary>
/// <param name="Matches">Every matching article (before the scheduled ones are removed).</param>
/// <param name="Levels">Disjoint parts of <paramref name="Matches"/>, best first; inside a level the newest come first.</param>
public sealed record SearchPlan(Query Matches, IReadOnlyList<Query> Levels);
