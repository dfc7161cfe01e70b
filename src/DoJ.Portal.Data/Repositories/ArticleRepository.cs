using System.Linq.Expressions;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>An article's lead image and its alt text.</summary>
public sealed record ArticleLeadImage(ImageRef Image, string Alt);

/// <summary>An article as lists show it: no body; its lead image, if any, with the image's alt text.</summary>
public sealed record ArticleListItem(
    int Id,
    string Title,
    string Slug,
    string Summary,
    ImageRef? LeadImage,
    string LeadImageAlt,
    DateTime PublishedAtUtc,
    string CategoryName,
    string CategorySlug);

/// <summary>A public article as its page shows it.</summary>
public sealed record ArticleDetails(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string Body,
    ImageRef? LeadImage,
    string LeadImageAlt,
    string LeadImageCaption,
    string Author,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    int CategoryId,
    string CategoryName,
    string CategorySlug);

/// <summary>
/// <see cref="ArticleRepository.GetPublishedAsync"/>: the article, the <see cref="ArticleStamp"/> read with it, whether
/// any attachment or document of the register is linked to it (public or not: the lists decide what they show), and the
/// album it names, if any (shown only while public).
/// </summary>
public sealed record PublishedArticle(ArticleDetails Article, ArticleStamp Stamp, bool HasAttachments, bool HasLinkedDocuments, int? AlbumId);

/// <summary>What a feed or sitemap entry needs.</summary>
public sealed record ArticleFeedItem(int Id, string Title, string Slug, string Summary, DateTime PublishedAtUtc, DateTime UpdatedAtUtc, string CategoryName);

/// <summary>One entry of the change sequence that every instance's search index follows.</summary>
public sealed record ContentChangeItem(long Id, ContentKind Kind, int ContentId);

/// <summary>An article as the search index holds it (published, possibly still scheduled).</summary>

public sealed record ArticleIndexItem(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string Body,
    string CategoryName,
    string CategorySlug,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc);

/// <summary>
/// Intention-named queries over public articles. Every query starts from <see cref="Public"/>, the
/// one definition of "public" (<see cref="Article.IsPublicAt"/>), so no page can show what another hides.
/// </summary>
public sealed class ArticleRepository(PortalDbContext db, TimeProvider clock, CategoryTotals totals, LatestArticlesCache latest)
{
    /// <summary>An article as lists show it (<see cref="Project"/>, and the compiled queries' projection).</summary>
    private static readonly Expression<Func<Article, ArticleListItem>> ListItem = a => new ArticleListItem(
        a.Id,
        a.Title,
        a.Slug,
        a.Summary,
        a.LeadImage == null ? null : new ImageRef(a.LeadImage.Id, a.LeadImage.FileName, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.VariantWidths),
        a.LeadImageAlt,
        a.PublishedAtUtc!.Value,
        a.Category!.Name,
        a.Category.Slug);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Public() => db.Articles.AsNoTracking().Where(Article.IsPublicAt(Now));

    private static IQueryable<Article> NewestFirst(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id);

    public Task<List<ArticleListItem>> ListLatestPublishedAsync(int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public()).Take(count)).ToListAsync(cancellationToken);

    public Task<List<ArticleListItem>> ListFeaturedAsync(int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public().Where(a => a.IsFeatured)).Take(count)).ToListAsync(cancellationToken);

    public Task<List<ArticleListItem>> ListLatestInCategoryAsync(int categoryId, int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public().Where(a => a.CategoryId == categoryId)).Take(count)).ToListAsync(cancellationToken);

    /// <summary>
    /// The newest <paramref name="count"/> public articles of each category, in one query (a UNION ALL of one
    /// indexed LIMIT per category), keyed by category slug: the home page's blocks.
    /// </summary>
    public async Task<Dictionary<string, List<ArticleListItem>>> ListLatestInCategoriesAsync(IReadOnlyCollection<int> categoryIds, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categoryIds);
        // The union is of articles, projected once: EF Core cannot combine queries after a constructor projection.
        IQueryable<Article>? query = null;
        foreach (var categoryId in categoryIds.Distinct())
        {
            var block = NewestFirst(Public().Where(a => a.CategoryId == categoryId)).Take(count);
            query = query is null ? block : query.Concat(block);
        }

        var rows = query is null ? [] : await Project(query).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.CategorySlug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The lists of <paramref name="shape"/>: from <see cref="LatestArticlesCache"/> for the cost of one command (the
    /// <see cref="ArticleStamp"/>) while no article changed and none came due, else read anew (three list queries and the
    /// time the next scheduled article comes due) and kept.
    /// </summary>
    public async Task<LatestArticles> LatestAsync(LatestArticlesShape shape, CancellationToken cancellationToken = default) =>
        await LatestAsync(shape, await StampAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// <see cref="LatestAsync(LatestArticlesShape, CancellationToken)"/> with a <paramref name="stamp"/> read just
    /// before (<see cref="GetPublishedAsync"/>): a save after it and before the lists are read only makes the
    /// next request read them again.
    /// </summary>
    public async Task<LatestArticles> LatestAsync(LatestArticlesShape shape, ArticleStamp? stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var now = Now;
        if (latest.TryGet(shape, stamp, now, out var lists))
        {
            return lists;
        }

        var featured = await ListFeaturedAsync(shape.FeaturedCount, cancellationToken);
        var newest = await ListLatestPublishedAsync(shape.LatestCount, cancellationToken);
        var byCategory = await ListLatestInCategoriesByIdAsync(shape.Categories.Select(c => c.Id).ToList(), shape.PerCategory, cancellationToken);
        // A scheduled article (any category: the latest and featured lists take all) changes the lists when its time comes.
        var nextDue = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc > now)
            .MinAsync(a => a.PublishedAtUtc, cancellationToken);
        lists = new LatestArticles(featured, newest, byCategory);
        var maxAge = now + LatestArticlesCache.MaxAge;
        latest.Set(shape, stamp, nextDue is { } due && due < maxAge ? due : maxAge, lists);
        return lists;
    }

    private async Task<Dictionary<int, IReadOnlyList<ArticleListItem>>> ListLatestInCategoriesByIdAsync(IReadOnlyCollection<int> categoryIds, int count, CancellationToken cancellationToken)
    {
        var ids = categoryIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // The rows carry the category's slug, not its id: the ids are read beside them from the categories table.
        var bySlug = await ListLatestInCategoriesAsync(ids, count, cancellationToken);
        var slugs = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);
        return slugs.ToDictionary(c => c.Id, c => (IReadOnlyList<ArticleListItem>)(bySlug.TryGetValue(c.Slug, out var rows) ? rows : []));
    }

    /// <summary>A category's page; its total (for the pager) comes from <see cref="CategoryTotals"/> while no article changed.</summary>
    public async Task<PagedList<ArticleListItem>> ListPublishedInCategoryAsync(int categoryId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var inCategory = Public().Where(a => a.CategoryId == categoryId);
        var stamp = await StampAsync(cancellationToken);
        if (!totals.TryGet(categoryId, stamp, now, out var total))
        {
            total = await inCategory.LongCountAsync(cancellationToken);
            // An article scheduled in this category changes the count when its time comes, without any save.
            var nextDue = await db.Articles.AsNoTracking()
                .Where(a => a.CategoryId == categoryId && a.Status == ArticleStatus.Published && a.PublishedAtUtc > now)
                .MinAsync(a => a.PublishedAtUtc, cancellationToken);
            totals.Set(categoryId, stamp, nextDue ?? DateTime.MaxValue, total);
        }

        var items = new List<ArticleListItem>(pageSize);
        await foreach (var item in CategoryPageQuery.For(db)(db, now, categoryId, PageNumber.Offset(page, pageSize), pageSize).WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return new PagedList<ArticleListItem>(items, page, pageSize, total);
    }

    /// <summary>A category page's list, compiled once per provider (see <see cref="PublishedQuery"/>).</summary>
    private static readonly CompiledPerProvider<Func<PortalDbContext, DateTime, int, int, int, IAsyncEnumerable<ArticleListItem>>> CategoryPageQuery = new(() =>
        EF.CompileAsyncQuery(PublicRuleExpander.Expand<Func<PortalDbContext, DateTime, int, int, int, IQueryable<ArticleListItem>>>((db, now, categoryId, skip, take) =>
            db.Articles.AsNoTracking().Where(Article.IsPublicAt(now)).Where(a => a.CategoryId == categoryId)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id) // NewestFirst: a helper's call cannot be compiled
                .Skip(skip).Take(take).Select(ListItem))));

    /// <summary>
    /// The newest change time and the highest id of all articles, and the last entry of the change sequence: every insert
    /// moves the second, every article saved or purged the third (<see cref="ContentChangeRecorder"/> adds an entry in the
    /// same transaction, with an id the database gives, so a save on an instance whose clock is behind another's, or in the
    /// same clock tick, is seen too). The sequence also moves for documents, pages and questions: a kept list or total is
    /// then read again once, needlessly but cheaply. Three index seeks in one command.
    /// </summary>
    private Task<ArticleStamp?> StampAsync(CancellationToken cancellationToken) => StampQuery.For(db)(db, cancellationToken);

    /// <summary>The stamp's command, compiled once: it runs on every home and category page (see <see cref="PublishedQuery"/>).</summary>
    private static readonly CompiledPerProvider<Func<PortalDbContext, CancellationToken, Task<ArticleStamp?>>> StampQuery = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, CancellationToken _) =>
            db.Categories.AsNoTracking().OrderBy(c => c.Id).Take(1)
                .Select(_ => new ArticleStamp(db.Articles.Max(a => (DateTime?)a.UpdatedAtUtc), db.Articles.Max(a => (int?)a.Id), db.ContentChanges.Max(c => (long?)c.Id)))
                .FirstOrDefault()));

    /// <summary>The articles published on a Vietnam calendar day, as a range on the indexed column.</summary>
    public Task<PagedList<ArticleListItem>> ListPublishedOnDayAsync(DateOnly day, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var (start, end) = VietnamTime.UtcRangeOf(day);
        return PageAsync(Public().Where(a => a.PublishedAtUtc >= start && a.PublishedAtUtc < end), page, pageSize, cancellationToken);
    }

    /// <summary>
    /// A public article with what its page needs besides, in the same command: the <see cref="ArticleStamp"/> (its
    /// "Các tin khác" then come from <see cref="LatestAsync(LatestArticlesShape, ArticleStamp?, CancellationToken)"/>
    /// without another round trip while no article changed), whether it has attachments or linked documents (most
    /// have neither, and their two lists are then not read) and the album it names (most name none).
    /// </summary>
    public async Task<PublishedArticle?> GetPublishedAsync(int id, CancellationToken cancellationToken = default)
    {
        var row = await PublishedQuery.For(db)(db, Now, id, cancellationToken);
        return row is null
            ? null
            : new PublishedArticle(row.Article, new ArticleStamp(row.LastUpdatedAtUtc, row.LastId, row.LastChangeId), row.HasAttachments, row.HasDocuments, row.AlbumId);
    }

    private sealed record PublishedRow(ArticleDetails Article, DateTime? LastUpdatedAtUtc, int? LastId, long? LastChangeId, bool HasAttachments, bool HasDocuments, int? AlbumId);

    /// <summary>
    /// The article page's one command, compiled once (per provider, <see cref="CompiledPerProvider{TQuery}"/>): built from expressions on each request, its query (the rule, the
    /// projection, EF Core's parameter extraction and cache lookup) cost about as much CPU as running it (docs/performance.md).
    /// </summary>
    private static readonly CompiledPerProvider<Func<PortalDbContext, DateTime, int, CancellationToken, Task<PublishedRow?>>> PublishedQuery = new(() =>
        EF.CompileAsyncQuery(PublicRuleExpander.Expand<Func<PortalDbContext, DateTime, int, CancellationToken, PublishedRow?>>((db, now, id, _) =>
            db.Articles.AsNoTracking().Where(Article.IsPublicAt(now)).Where(a => a.Id == id)
                .Select(a => new PublishedRow(
                    new ArticleDetails(
                        a.Id, a.Title, a.Slug, a.Summary, a.Body,
                        a.LeadImage == null ? null : new ImageRef(a.LeadImage.Id, a.LeadImage.FileName, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.VariantWidths),
                        a.LeadImageAlt, a.LeadImageCaption, a.Author,
                        a.PublishedAtUtc!.Value, a.UpdatedAtUtc, a.CategoryId, a.Category!.Name, a.Category.Slug),
                    db.Articles.Max(x => (DateTime?)x.UpdatedAtUtc),
                    db.Articles.Max(x => (int?)x.Id),
                    db.ContentChanges.Max(c => (long?)c.Id),
                    db.Attachments.Any(f => f.ArticleId == a.Id),
                    db.LegalDocumentArticles.Any(l => l.ArticleId == a.Id),
                    a.AlbumId))
                .FirstOrDefault())));

    /// <summary>"Các tin khác": the category's other public articles, newest first, this one excluded.</summary>
    public Task<List<ArticleListItem>> ListOthersAsync(int articleId, int categoryId, int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public().Where(a => a.CategoryId == categoryId && a.Id != articleId)).Take(count)).ToListAsync(cancellationToken);

    public Task<List<ArticleFeedItem>> ListForFeedAsync(int? categoryId, int count, CancellationToken cancellationToken = default) =>
        NewestFirst(Public().Where(a => categoryId == null || a.CategoryId == categoryId)).Take(count)
            .Select(a => new ArticleFeedItem(a.Id, a.Title, a.Slug, a.Summary, a.PublishedAtUtc!.Value, a.UpdatedAtUtc, a.Category!.Name))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// What the search index holds: published, not deleted, including scheduled articles (the search
    /// filters on the publish time when it runs, so an article appears in results when its time comes).
    /// </summary>
    private IQueryable<Article> Indexable() =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc != null);

    /// <summary>
    /// The next indexable articles after <paramref name="afterId"/> in id order; empty only at the end. It walks the
    /// primary key and filters here: with the status in the query, SQLite seeks the status index instead and sorts
    /// every published article by id for each batch (47 articles/s at 1,000,000 articles).
    /// </summary>
    public async Task<List<ArticleIndexItem>> ListIndexableAsync(int afterId, int batchSize, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var rows = await db.Articles.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(batchSize)
                .Select(a => new
                {
                    Indexable = a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc != null,
                    Item = new ArticleIndexItem(
                        a.Id, a.Title, a.Slug, a.Summary, a.Body, a.Category!.Name, a.Category.Slug, a.PublishedAtUtc ?? default, a.UpdatedAtUtc),
                })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0 || rows.Exists(r => r.Indexable))
            {
                return rows.Where(r => r.Indexable).Select(r => r.Item).ToList();
            }

            afterId = rows[^1].Item.Id;
        }
    }

    public Task<ArticleIndexItem?> GetIndexableAsync(int id, CancellationToken cancellationToken = default) =>
        ProjectForIndex(Indexable().Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many articles the search index holds when current (the reindex progress bar's total).</summary>
    public Task<int> CountIndexableAsync(CancellationToken cancellationToken = default) => Indexable().CountAsync(cancellationToken);

    /// <summary>
    /// A fingerprint of the indexable set (count, highest id, latest update): when it differs from the index's, the index
    /// is stale. Every index write stores it, an editor's save included. The highest id and the latest update are read
    /// from the top of the primary key and of the change-time index (<see cref="IndexTop"/>): asked as <c>MAX</c> over
    /// the indexable articles, SQLite walked the public-articles index and read 970,000 article rows for the latest
    /// update, 1.8 s at 1,000,000 articles.
    /// </summary>
    public async Task<string> IndexableFingerprintAsync(CancellationToken cancellationToken = default)
    {
        var count = await Indexable().CountAsync(cancellationToken);
        var maxId = await IndexTop.FirstAsync(
            db.Articles.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new IndexTop.Row<int>(a.Id, a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc != null)),
            () => Indexable().MaxAsync(a => (int?)a.Id, cancellationToken), cancellationToken) ?? 0;
        var lastUpdate = await IndexTop.FirstAsync(
            db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAtUtc).Select(a => new IndexTop.Row<DateTime>(a.UpdatedAtUtc, a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc != null)),
            () => Indexable().MaxAsync(a => (DateTime?)a.UpdatedAtUtc, cancellationToken), cancellationToken);
        return $"{count}:{maxId}:{lastUpdate?.Ticks ?? 0}";
    }

    /// <summary>The changes after <paramref name="afterId"/> in the sequence, oldest first.</summary>
    public Task<List<ContentChangeItem>> ListChangesAfterAsync(long afterId, int take, CancellationToken cancellationToken = default) =>
        db.ContentChanges.AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(take)
            .Select(c => new ContentChangeItem(c.Id, c.Kind, c.ContentId)).ToListAsync(cancellationToken);

    /// <summary>The first and last id of the change sequence still stored; (0, 0) when none.</summary>
    public async Task<(long First, long Last)> ChangeRangeAsync(CancellationToken cancellationToken = default)
    {
        var first = await db.ContentChanges.MinAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var last = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        return (first, last);
    }

    /// <summary>
    /// Deletes changes older than <paramref name="beforeUtc"/>, but never the last one: it tells an index
    /// written before a database restore (its position beyond the last id) that it must be rebuilt.
    /// Idempotent, so any number of instances may prune at once.
    /// </summary>
    public async Task<int> PruneChangesAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        var last = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        return await db.ContentChanges.Where(c => c.ChangedAtUtc < beforeUtc && c.Id < last).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The ids among <paramref name="ids"/> that are public now: search results are checked against the database.</summary>
    /// <remarks>
    /// Read by primary key, the rule applied here: with the rule in the SQL, SQLite chose the status index and
    /// read the entry of every public article for ten ids (25 ms at 100,000 articles, half a search).
    /// </remarks>
    public async Task<Dictionary<int, ArticleLeadImage?>> FilterPublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        var now = Now;
        // The lead images come in the same query (the search shows them beside its hits).
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                Article = new Article { Id = a.Id, Status = a.Status, IsDeleted = a.IsDeleted, PublishedAtUtc = a.PublishedAtUtc },
                Image = a.LeadImage == null ? null : new ImageRef(a.LeadImage.Id, a.LeadImage.FileName, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.VariantWidths),
                a.LeadImageAlt,
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Article.IsPublic(now))
            .ToDictionary(r => r.Article.Id, r => r.Image is null ? null : new ArticleLeadImage(r.Image, r.LeadImageAlt));
    }

    private static IQueryable<ArticleIndexItem> ProjectForIndex(IQueryable<Article> query) =>
        query.Select(a => new ArticleIndexItem(
            a.Id, a.Title, a.Slug, a.Summary, a.Body, a.Category!.Name, a.Category.Slug, a.PublishedAtUtc!.Value, a.UpdatedAtUtc));

    private static async Task<PagedList<ArticleListItem>> PageAsync(IQueryable<Article> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.LongCountAsync(cancellationToken);
        var items = await Project(NewestFirst(query).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedList<ArticleListItem>(items, page, pageSize, total);
    }

    private static IQueryable<ArticleListItem> Project(IQueryable<Article> query) => query.Select(ListItem);
}

/// <summary>What changes whenever an article is saved or added (see <see cref="CategoryTotals"/> and <see cref="LatestArticlesCache"/>).</summary>
public sealed record ArticleStamp(DateTime? LastUpdatedAtUtc, int? LastId, long? LastChangeId);

/// <summary>
/// The public article count of each category, kept between requests (a singleton): counting a large category reads
/// a hundred thousand index entries at 1,000,000 articles, and every page of it needs the count for its pager. An
/// entry holds while the <see cref="ArticleStamp"/> is the same and no scheduled article of the category has come
/// due, so the count stays exact on every instance; one entry per category.
/// </summary>
public sealed class CategoryTotals : KeptTotals<int, ArticleStamp>;
