using System.Collections.Concurrent;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>One entry of a managed list (document type, issuing body, field) as filters and forms show it.</summary>
public sealed record RegisterTermItem(int Id, RegisterTermKind Kind, string Name, string Slug);

/// <summary>
/// The register's filters, already resolved: term ids (an unknown slug resolves to nothing and is not a filter
/// here, see the controller), the year of issue, the effect on the caller's day, and the number key of <c>q</c>.
/// </summary>
public sealed record DocumentFilter(
    int? DocumentTypeId = null,
    int? IssuingBodyId = null,
    int? FieldId = null,
    int? Year = null,
    LegalEffect? Effect = null,
    string? NumberKey = null);

/// <summary>A row of the register.</summary>
public sealed record DocumentListItem(
    int Id,
    string Number,
    string Slug,
    string Abstract,
    DateOnly IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    string DocumentTypeName)
{
    public LegalEffect EffectOn(DateOnly today) => new LegalDocument { IssuedOn = IssuedOn, EffectiveOn = EffectiveOn, ExpiresOn = ExpiresOn }.EffectOn(today);
}

/// <summary>A file of a document as its page lists it, in the document's order.</summary>
public sealed record DocumentFileItem(int StoredFileId, string DisplayName, string OriginalName, FileKind Kind, long SizeBytes);

/// <summary>A public article linked to a document.</summary>
public sealed record RelatedArticleItem(int Id, string Title, string Slug, DateTime PublishedAtUtc);

/// <summary>A public document as its page shows it.</summary>
public sealed record DocumentDetails(
    int Id,
    string Number,
    string Slug,
    string Abstract,
    string Signer,
    RegisterTermItem DocumentType,
    RegisterTermItem IssuingBody,
    RegisterTermItem Field,
    DateOnly IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    DateOnly? CommentsOpenOn = null,
    DateOnly? CommentsCloseOn = null,
    string? CommentSummary = null)
{
    public IReadOnlyList<DocumentFileItem> Files { get; init; } = [];

    public IReadOnlyList<RelatedArticleItem> RelatedArticles { get; init; } = [];

    public LegalEffect EffectOn(DateOnly today) => new LegalDocument { IssuedOn = IssuedOn, EffectiveOn = EffectiveOn, ExpiresOn = ExpiresOn }.EffectOn(today);
}

/// <summary>A public document as the comment pages show it: what it is and its comment period (Vietnam days).</summary>
public sealed record DocumentCommentTarget(
    int Id,
    string Number,
    string Slug,
    string Abstract,
    string DocumentTypeName,
    DateOnly? CommentsOpenOn,
    DateOnly? CommentsCloseOn,
    bool HasSummary)
{
    public CommentPeriodState StateOn(DateOnly today) => CommentPeriod.StateOn(CommentsOpenOn, CommentsCloseOn, today);
}

/// <summary>What a feed, sitemap or home-page entry of a document needs.</summary>
public sealed record DocumentFeedItem(int Id, string Number, string Slug, string Abstract, DateOnly IssuedOn, DateTime PublishedAtUtc, DateTime UpdatedAtUtc, string DocumentTypeName);

/// <summary>
/// Intention-named queries over the public register. Every query starts from <see cref="Public"/>, the one
/// definition of a public document (<see cref="LegalDocument.IsPublicAt"/>).
/// </summary>
public sealed class DocumentRepository(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The most ids of a search an ordered list is built from (the search index's own limit is the caller's).</summary>
    public const int MatchingIdsMax = 5_000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<LegalDocument> Public() => db.LegalDocuments.AsNoTracking().Where(LegalDocument.IsPublicAt(Now));

    private static IQueryable<LegalDocument> NewestFirst(IQueryable<LegalDocument> query) =>
        query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id);

    /// <summary>Every term of the three lists, each list in its administrators' order.</summary>
    public Task<List<RegisterTermItem>> ListTermsAsync(CancellationToken cancellationToken = default) =>
        db.RegisterTerms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new RegisterTermItem(t.Id, t.Kind, t.Name, t.Slug))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// One page of the public register under <paramref name="filter"/>, on the Vietnam day <paramref name="today"/>
    /// (the effect filter). Without <paramref name="matchingIds"/>: newest first (date of issue, then id), and
    /// <see cref="DocumentFilter.NumberKey"/> keeps only the document with that number. With them (a text search's hits,
    /// best first): the documents among those ids, plus the one whose number is the key, in that order (the number
    /// match first), still filtered and paged.
    /// </summary>
    public async Task<PagedList<DocumentListItem>> ListPublicAsync(DocumentFilter filter, IReadOnlyList<int>? matchingIds, int page, int pageSize,
        DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter, today);
        if (matchingIds is null)
        {
            if (!string.IsNullOrEmpty(filter.NumberKey))
            {
                query = query.Where(d => d.NumberKey == filter.NumberKey);
            }

            var total = await CountAsync(query, filter, today, cancellationToken);
            var items = await Project(NewestFirst(query).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)).ToListAsync(cancellationToken);
            return new PagedList<DocumentListItem>(items, page, pageSize, total);
        }

        // The search decides the order: the ids that pass the filters are read, ordered here, and only the page's rows loaded.
        var ids = matchingIds.Distinct().Take(MatchingIdsMax).ToList();
        var key = filter.NumberKey ?? "";
        // Two lookups, each by an index (the ids by key, the number by NumberKey): an OR of both would read every row.
        var passing = await query.Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, ByNumber = key != "" && d.NumberKey == key })
            .ToListAsync(cancellationToken);
        if (key != "")
        {
            var byNumber = await query.Where(d => d.NumberKey == key).Select(d => d.Id).ToListAsync(cancellationToken);
            passing = [.. passing.Where(p => !byNumber.Contains(p.Id)), .. byNumber.Select(id => new { Id = id, ByNumber = true })];
        }

        var rank = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var ordered = passing
            .OrderBy(p => p.ByNumber ? 0 : 1)
            .ThenBy(p => rank.GetValueOrDefault(p.Id, int.MaxValue))
            .ThenByDescending(p => p.Id)
            .Select(p => p.Id)
            .ToList();
        var pageIds = ordered.Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToList();
        var rows = await Project(db.LegalDocuments.AsNoTracking().Where(d => pageIds.Contains(d.Id))).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return new PagedList<DocumentListItem>(pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page, pageSize, ordered.Count);
    }

    private IQueryable<LegalDocument> Filtered(DocumentFilter filter, DateOnly today)
    {
        var query = Public();
        if (filter.DocumentTypeId is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (filter.IssuingBodyId is { } bodyId)
        {
            query = query.Where(d => d.IssuingBodyId == bodyId);
        }

        if (filter.FieldId is { } fieldId)
        {
            query = query.Where(d => d.FieldId == fieldId);
        }

        if (filter.Year is { } year && year is >= 1 and < 9999)
        {
            // A range on the column, so the date index serves it.
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn < to);
        }

        if (filter.Effect is { } effect)
        {
            query = query.Where(LegalDocument.HasEffectOn(effect, today));
        }

        return query;
    }

    /// <summary>
    /// The years of the year filter, newest first: from the newest public document's year back to the oldest's (a year
    /// between them without documents gives an empty list). Two reads at the ends of the date index, not a scan.
    /// </summary>
    public async Task<List<int>> ListYearsAsync(CancellationToken cancellationToken = default)
    {
        var newest = await NewestFirst(Public()).Select(d => (DateOnly?)d.IssuedOn).FirstOrDefaultAsync(cancellationToken);
        var oldest = await Public().OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).Select(d => (DateOnly?)d.IssuedOn).FirstOrDefaultAsync(cancellationToken);
        return newest is { } last && oldest is { } first
            ? Enumerable.Range(first.Year, last.Year - first.Year + 1).Reverse().ToList()
            : [];
    }

    /// <summary>
    /// The register's totals, remembered per filter and day until a document changes (the newest
    /// <see cref="LegalDocument.UpdatedAtUtc"/>, read from its index) or the minute turns (a scheduled document came
    /// due): counting 100,000 rows for every page would cost more than the page.
    /// </summary>
    private async Task<long> CountAsync(IQueryable<LegalDocument> query, DocumentFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var stamp = await db.LegalDocuments.AsNoTracking().OrderByDescending(d => d.UpdatedAtUtc).Select(d => (DateTime?)d.UpdatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        // The database too: one process may serve several (tests do).
        var key = (db.Database.GetConnectionString() ?? "", filter, today, stamp, Minute: Now.Ticks / TimeSpan.TicksPerMinute);
        if (Totals.TryGetValue(key, out var known))
        {
            return known;
        }

        var total = await query.LongCountAsync(cancellationToken);
        if (Totals.Count >= TotalsMax)
        {
            Totals.Clear();
        }

        Totals[key] = total;
        return total;
    }

    private const int TotalsMax = 1_000;

    private static readonly ConcurrentDictionary<(string Database, DocumentFilter Filter, DateOnly Today, DateTime? Stamp, long Minute), long> Totals = new();

    /// <summary>A public document with its terms, its files in order and its public related articles (newest first).</summary>
    public async Task<DocumentDetails?> GetPublicAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var document = await Public().Where(d => d.Id == id)
            .Select(d => new DocumentDetails(
                d.Id, d.Number, d.Slug, d.Abstract, d.Signer,
                new RegisterTermItem(d.DocumentType!.Id, d.DocumentType.Kind, d.DocumentType.Name, d.DocumentType.Slug),
                new RegisterTermItem(d.IssuingBody!.Id, d.IssuingBody.Kind, d.IssuingBody.Name, d.IssuingBody.Slug),
                new RegisterTermItem(d.Field!.Id, d.Field.Kind, d.Field.Name, d.Field.Slug),
                d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.PublishedAtUtc!.Value, d.UpdatedAtUtc,
                d.CommentsOpenOn, d.CommentsCloseOn, d.CommentSummary))
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var files = await db.Attachments.AsNoTracking().Where(a => a.LegalDocumentId == id)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new DocumentFileItem(a.StoredFileId, a.DisplayName, a.StoredFile!.OriginalName, a.StoredFile.Kind, a.StoredFile.SizeBytes))
            .ToListAsync(cancellationToken);
        var related = await db.LegalDocumentArticles.AsNoTracking().Where(l => l.LegalDocumentId == id)
            .Select(l => l.Article!)
            .Where(Article.IsPublicAt(now))
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new RelatedArticleItem(a.Id, a.Title, a.Slug, a.PublishedAtUtc!.Value))
            .ToListAsync(cancellationToken);
        return document with { Files = files, RelatedArticles = related };
    }

    /// <summary>
    /// Lấy ý kiến dự thảo: the public documents whose comment period has not ended before <paramref name="closedSince"/>
    /// (open now, coming, and recently closed), the soonest to close first; at most <paramref name="limit"/>.
    /// </summary>
    public Task<List<DocumentCommentTarget>> ListCommentPeriodsAsync(DateOnly closedSince, int limit, CancellationToken cancellationToken = default) =>
        ProjectCommentTarget(Public().Where(d => d.CommentsOpenOn != null && d.CommentsCloseOn != null && d.CommentsCloseOn >= closedSince)
                .OrderBy(d => d.CommentsCloseOn).ThenBy(d => d.Id).Take(limit))
            .ToListAsync(cancellationToken);

    /// <summary>A public document as its comment form needs it (null when it is not public).</summary>
    public Task<DocumentCommentTarget?> GetCommentTargetAsync(int id, CancellationToken cancellationToken = default) =>
        ProjectCommentTarget(Public().Where(d => d.Id == id)).Select(t => (DocumentCommentTarget?)t).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<DocumentCommentTarget> ProjectCommentTarget(IQueryable<LegalDocument> query) =>
        query.Select(d => new DocumentCommentTarget(d.Id, d.Number, d.Slug, d.Abstract, d.DocumentType!.Name, d.CommentsOpenOn, d.CommentsCloseOn,
            d.CommentSummary != null && d.CommentSummary != ""));

    /// <summary>The newest public documents by date of issue: the home page's "Văn bản mới".</summary>
    public Task<List<DocumentFeedItem>> ListLatestAsync(int count, CancellationToken cancellationToken = default) =>
        ProjectFeed(NewestFirst(Public()).Take(count)).ToListAsync(cancellationToken);

    /// <summary>The most recently published public documents: the register's RSS feed.</summary>
    public Task<List<DocumentFeedItem>> ListNewlyPublishedAsync(int count, CancellationToken cancellationToken = default) =>
        ProjectFeed(Public().OrderByDescending(d => d.PublishedAtUtc).ThenByDescending(d => d.Id).Take(count)).ToListAsync(cancellationToken);

    /// <summary>The public documents for the sitemap, newest first.</summary>
    public Task<List<DocumentFeedItem>> ListForSitemapAsync(int limit, CancellationToken cancellationToken = default) =>
        ProjectFeed(NewestFirst(Public()).Take(limit)).ToListAsync(cancellationToken);

    /// <summary>
    /// "Văn bản liên quan": the public documents linked to an article, newest first. Read from the links (by the
    /// article's index), then by primary key, and ordered here: asked as one query ordered by date, the database walked
    /// the whole register looking for links.
    /// </summary>
    public async Task<List<DocumentFeedItem>> ListRelatedToArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        var ids = await db.LegalDocumentArticles.AsNoTracking().Where(l => l.ArticleId == articleId).Select(l => l.LegalDocumentId)
            .Take(RelatedMax).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await ProjectFeed(Public().Where(d => ids.Contains(d.Id))).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.IssuedOn).ThenByDescending(r => r.Id)];
    }

    /// <summary>The most documents an article lists as related.</summary>
    public const int RelatedMax = 50;

    private static IQueryable<DocumentListItem> Project(IQueryable<LegalDocument> query) =>
        query.Select(d => new DocumentListItem(d.Id, d.Number, d.Slug, d.Abstract, d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.DocumentType!.Name));

    private static IQueryable<DocumentFeedItem> ProjectFeed(IQueryable<LegalDocument> query) =>
        query.Select(d => new DocumentFeedItem(d.Id, d.Number, d.Slug, d.Abstract, d.IssuedOn, d.PublishedAtUtc!.Value, d.UpdatedAtUtc, d.DocumentType!.Name));
}
