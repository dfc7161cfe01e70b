using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Settings;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// The newest public articles the home page lists (featured, latest, a block per menu category) and that an article
/// page of a menu category lists as "Các tin khác", from <see cref="ArticleRepository.LatestAsync"/>: one small command
/// per request while no article changed. A category renamed or moved changes the menu, and with it
/// <see cref="LayoutBroadcast.Version"/> (here at once, on another instance through Redis): the lists are read again.
/// </summary>
public sealed class LatestLists(ArticleRepository articles, PublicMenu menu, SiteSettingsCache settings, LayoutBroadcast layout)
{
    public const int FeaturedCount = 4;
    public const int BlockSize = 4;
    public const int OthersCount = 10;

    public async Task<(LatestArticles Lists, IReadOnlyList<CategorySummary> Categories)> GetAsync(CancellationToken cancellationToken = default)
    {
        var (shape, categories) = await ShapeAsync(cancellationToken);
        return (await articles.LatestAsync(shape, cancellationToken), categories);
    }

    /// <summary>
    /// "Các tin khác" of an article: its category's other public articles, newest first. <paramref name="stamp"/> is the
    /// one read with the article (<see cref="ArticleRepository.GetPublishedAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<ArticleListItem>> OthersAsync(int articleId, int categoryId, ArticleStamp? stamp, CancellationToken cancellationToken = default)
    {
        var (shape, _) = await ShapeAsync(cancellationToken);
        var lists = await articles.LatestAsync(shape, stamp, cancellationToken);
        return lists.ByCategory.TryGetValue(categoryId, out var newest)
            ? newest.Where(a => a.Id != articleId).Take(OthersCount).ToList()
            : await articles.ListOthersAsync(articleId, categoryId, OthersCount, cancellationToken);
    }

    private async Task<(LatestArticlesShape Shape, IReadOnlyList<CategorySummary> Categories)> ShapeAsync(CancellationToken cancellationToken)
    {
        // The version before the menu: a change in between makes the next request read the lists again.
        var version = layout.Version;
        var site = await settings.GetAsync(cancellationToken);
        var categories = await menu.CategoriesAsync(cancellationToken);
        // Each category keeps one more than "Các tin khác" shows: the article itself is left out of its own list.
        return (new LatestArticlesShape(FeaturedCount, site.HomeLatestCount, categories, Math.Max(BlockSize, OthersCount + 1), version), categories);
    }
}
