using System.Globalization;
using DoJ.Portal.Domain.Time;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// The tags cached pages carry, so that a change evicts exactly the pages that show it: every page
/// carries <see cref="Site"/> (the layout: menu, links, settings); lists carry the ids of the articles
/// they show and the place they list (home, a category, a day, the feeds, the sitemap, search).
/// </summary>
public static class PageTags
{
    public const string Site = "site";
    public const string Home = "home";
    public const string Feeds = "feeds";
    public const string Sitemap = "sitemap";
    public const string Search = "search";

    /// <summary>
    /// Every page that shows documents of the register (the register, a document's page, the home block, the
    /// register's feed): evicted by any document or term change and at each Vietnam midnight, when statuses move.
    /// </summary>
    public const string Documents = "documents";

    /// <summary>Every page that shows videos (the list, a video's page, the home block): evicted by any video change.</summary>
    public const string Videos = "videos";

    /// <summary>
    /// Every page that shows photo albums (the album list, an album's page, the home block, the article pages that
    /// show an album under their body): evicted by any album change and when a scheduled album comes due.
    /// </summary>
    public const string Albums = "albums";

    /// <summary>
    /// Every page that shows citizens' questions (the Q&amp;A list, a question's page, its feed): evicted when a
    /// question is published, edited, taken down or merged.
    /// </summary>
    public const string Questions = "questions";

    /// <summary>Every page that shows the procedures directory or the officials (leadership, contacts, the English page).</summary>
    public const string Agency = "agency";

    public static string Article(int id) => "a:" + id.ToString(CultureInfo.InvariantCulture);

    public static string Category(int id) => "c:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Vietnam calendar day the day archive lists (the day an article belongs to).</summary>
    public static string Day(DateOnly day) => "d:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DayOf(DateTime publishedAtUtc) => Day(VietnamTime.DayOf(publishedAtUtc));

    /// <summary>Tags the page being rendered; does nothing when the response is not being cached.</summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cache = context.Features.Get<IOutputCacheFeature>();
        if (cache is null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            cache.Context.Tags.Add(tag);
        }
    }

    /// <summary>Tags the page with the ids of the articles it shows.</summary>
    public static void TagArticles(HttpContext context, IEnumerable<int> articleIds) => Tag(context, articleIds.Select(Article));
}
