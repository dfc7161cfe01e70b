namespace DoJ.Portal.Data.Repositories;

/// <summary>
/// What <see cref="ArticleRepository.LatestAsync"/> lists: the featured and latest articles of the home page, and the
/// newest <paramref name="PerCategory"/> public articles of each of <paramref name="Categories"/> (the home page's
/// blocks, and "Các tin khác" of an article in one of them). <paramref name="Version"/> is the caller's word for
/// everything else a list shows that no article save changes (a category's name or slug): a new version is a new list.
/// </summary>
public sealed record LatestArticlesShape(int FeaturedCount, int LatestCount, IReadOnlyList<CategorySummary> Categories, int PerCategory, string Version)
{
    public bool Equals(LatestArticlesShape? other) =>
        other is not null && FeaturedCount == other.FeaturedCount && LatestCount == other.LatestCount && PerCategory == other.PerCategory
        && string.Equals(Version, other.Version, StringComparison.Ordinal) && Categories.SequenceEqual(other.Categories);

    public override int GetHashCode() => HashCode.Combine(FeaturedCount, LatestCount, PerCategory, Version, Categories.Count);
}

/// <summary>
/// The lists of a <see cref="LatestArticlesShape"/>, newest first. <see cref="ByCategory"/> has an entry, possibly empty,
/// for every category of the shape. Shared between requests: never change them.
/// </summary>
public sealed record LatestArticles(
    IReadOnlyList<ArticleListItem> Featured,
    IReadOnlyList<ArticleListItem> Latest,
    IReadOnlyDictionary<int, IReadOnlyList<ArticleListItem>> ByCategory);

/// <summary>
/// The last <see cref="LatestArticles"/> built, kept between requests (a singleton): on a cache miss the home page ran
/// three list queries, the ten category blocks a <c>UNION ALL</c> of ten, the slowest page at 1,000,000 articles. The
/// lists hold while the <see cref="ArticleStamp"/> is the same (no article saved or added on any instance), no
/// scheduled article has come due, the shape is the same and <see cref="MaxAge"/> has not passed, as
/// <see cref="CategoryTotals"/> does for counts: what a page shows is as exact on every instance as a query would be.
/// </summary>
public sealed class LatestArticlesCache
{
    /// <summary>A bound for what no stamp catches (an image's variants made later by the conversion job).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private Entry? entry;

    public bool TryGet(LatestArticlesShape shape, ArticleStamp? stamp, DateTime nowUtc, out LatestArticles lists)
    {
        var current = Volatile.Read(ref entry);
        if (stamp is not null && current is not null && current.Stamp == stamp && nowUtc < current.ValidBeforeUtc && current.Shape.Equals(shape))
        {
            lists = current.Lists;
            return true;
        }

        lists = null!;
        return false;
    }

    public void Set(LatestArticlesShape shape, ArticleStamp? stamp, DateTime validBeforeUtc, LatestArticles lists)
    {
        if (stamp is not null)
        {
            Volatile.Write(ref entry, new Entry(shape, stamp, validBeforeUtc, lists));
        }
    }

    private sealed record Entry(LatestArticlesShape Shape, ArticleStamp Stamp, DateTime ValidBeforeUtc, LatestArticles Lists);
}
