using DoJ.Portal.Data.Repositories;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// The one place a save tells the public site that what it shows has changed. Each method names the kind
/// of change, not the caches behind it: the layout's memory caches and the output cache of whole pages
/// (whose tags are in <see cref="PageTags"/>) are both evicted here, on every instance, so every save
/// evicts both everywhere.
/// </summary>
public sealed class PublicCache(LayoutBroadcast layout, IOutputCacheStore pages, AlbumTotals albumTotals)
{
    /// <summary>A menu item was added, changed, moved or removed: every page shows the menu.</summary>
    public Task MenuChangedAsync() => LayoutChangedAsync(CacheKeys.MainMenu);

    /// <summary>A category was added, renamed, hidden, reordered or removed: the menu, the home blocks and its pages.</summary>
    public Task CategoriesChangedAsync() => LayoutChangedAsync(CacheKeys.MainMenu);

    /// <summary>A link group or link changed: the "Liên kết website" sidebar of every page.</summary>
    public Task LinksChangedAsync() => LayoutChangedAsync(CacheKeys.LinkGroups);

    /// <summary>The site settings changed: header, footer, page sizes, the visit total — every page.</summary>
    public Task SettingsChangedAsync() => LayoutChangedAsync(CacheKeys.SiteSettings);

    /// <summary>A static page changed: the menu links to pages by slug, and the page itself.</summary>
    public Task PagesChangedAsync() => LayoutChangedAsync(CacheKeys.MainMenu);

    /// <summary>
    /// What search finds changed without a page of its own changing (the text of a document's file was read):
    /// the cached search results and the register's pages (its search box finds the text inside files). A saved
    /// document or static page evicts them through its own method.
    /// </summary>
    public async Task SearchResultsChangedAsync()
    {
        await pages.EvictByTagAsync(PageTags.Search, CancellationToken.None);
        await pages.EvictByTagAsync(PageTags.Documents, CancellationToken.None);
    }

    /// <summary>The redirect table changed. Redirects are answered before the page cache, so pages stay.</summary>
    public Task RedirectsChangedAsync() => layout.ChangedAsync(CacheKeys.Redirects);

    /// <summary>
    /// An article was created, edited, published, scheduled, unpublished, deleted, restored or purged:
    /// evicts the pages that show it (its own, and every list carrying its id), the home page, the feeds,
    /// the sitemap, search results, and the category and day it was in and is in now
    /// (<paramref name="placements"/>: before and after the change).
    /// </summary>
    public async Task ArticleChangedAsync(int articleId, params IEnumerable<ArticlePlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var tags = new HashSet<string>(StringComparer.Ordinal)
        {
            PageTags.Article(articleId), PageTags.Home, PageTags.Feeds, PageTags.Sitemap, PageTags.Search,
        };
        foreach (var place in placements)
        {
            tags.Add(PageTags.Category(place.CategoryId));
            if (place.PublishedAtUtc is { } published)
            {
                tags.Add(PageTags.DayOf(published));
            }
        }

        foreach (var tag in tags)
        {
            await pages.EvictByTagAsync(tag, CancellationToken.None);
        }
    }

    private async Task LayoutChangedAsync(string key)
    {
        await layout.ChangedAsync(key);
        await pages.EvictByTagAsync(PageTags.Site, CancellationToken.None);
    }

    /// <summary>
    /// A document of the register was created, edited, moved through its workflow or purged: the register's pages
    /// (<see cref="PageTags.Documents"/>), the feeds, the sitemap, search results and the pages of the articles it is
    /// or was linked to (<paramref name="articleIds"/>: before and after the change), which list it.
    /// </summary>
    public async Task DocumentChangedAsync(params IEnumerable<int> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        await layout.ChangedAsync(CacheKeys.LatestDocuments);
        var tags = new HashSet<string>(StringComparer.Ordinal) { PageTags.Documents, PageTags.Feeds, PageTags.Sitemap, PageTags.Search };
        tags.UnionWith(articleIds.Select(PageTags.Article));
        foreach (var tag in tags)
        {
            await pages.EvictByTagAsync(tag, CancellationToken.None);
        }
    }

    /// <summary>
    /// A document type, issuing body or field was added, renamed, reordered or removed: the register's filters and pages,
    /// and the home page's "Văn bản mới" (it names each document's type).
    /// </summary>
    public async Task RegisterTermsChangedAsync()
    {
        await layout.ChangedAsync(CacheKeys.LatestDocuments);
        await pages.EvictByTagAsync(PageTags.Documents, CancellationToken.None);
    }

    /// <summary>The Vietnam day changed (or a scheduled document came due): the statuses shown on the register's pages moved.</summary>
    public async Task DocumentDayChangedAsync()
    {
        await layout.ChangedAsync(CacheKeys.LatestDocuments);
        await pages.EvictByTagAsync(PageTags.Documents, CancellationToken.None);
    }

    /// <summary>
    /// A video was created, edited, moved through its workflow or purged: the pages that show videos
    /// (<see cref="PageTags.Videos"/>: the list, its page, the home block, whose query is kept too) and the sitemap.
    /// </summary>
    public async Task VideoChangedAsync(int videoId)
    {
        _ = videoId;
        await layout.ChangedAsync(CacheKeys.LatestVideo);
        await pages.EvictByTagAsync(PageTags.Videos, CancellationToken.None);
        await pages.EvictByTagAsync(PageTags.Sitemap, CancellationToken.None);
    }

    /// <summary>
    /// A photo album was created, edited, moved through its workflow or purged (or a scheduled one came due): the pages
    /// showing albums (<see cref="PageTags.Albums"/>), the sitemap, and the pages of the articles that show it
    /// (<paramref name="articleIds"/>).
    /// </summary>
    public async Task AlbumChangedAsync(params IEnumerable<int> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        albumTotals.Forget();
        await layout.ChangedAsync(CacheKeys.LatestAlbums);
        var tags = new HashSet<string>(StringComparer.Ordinal) { PageTags.Albums, PageTags.Sitemap };
        foreach (var articleId in articleIds)
        {
            tags.Add(PageTags.Article(articleId));
        }
        foreach (var tag in tags)
        {
            await pages.EvictByTagAsync(tag, CancellationToken.None);
        }
    }

    /// <summary>
    /// A question's public side changed (published, its answer edited, taken down, merged): the Q&amp;A pages
    /// (<see cref="PageTags.Questions"/>), search results (answered questions are found there) and the sitemap.
    /// </summary>
    public async Task QuestionsChangedAsync()
    {
        await pages.EvictByTagAsync(PageTags.Questions, CancellationToken.None);
        await pages.EvictByTagAsync(PageTags.Search, CancellationToken.None);
        await pages.EvictByTagAsync(PageTags.Sitemap, CancellationToken.None);
    }

    /// <summary>A procedure or an official changed: the directory, the leadership and contact pages, the English page, the sitemap.</summary>
    public async Task AgencyChangedAsync()
    {
        await pages.EvictByTagAsync(PageTags.Agency, CancellationToken.None);
        await pages.EvictByTagAsync(PageTags.Sitemap, CancellationToken.None);
    }
}
