using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;

namespace DoJ.Portal.Web.Models;

public sealed record HomeViewModel(
    IReadOnlyList<ArticleListItem> Featured,
    IReadOnlyList<ArticleListItem> Latest,
    IReadOnlyList<CategoryBlock> Blocks);

public sealed record CategoryBlock(CategorySummary Category, IReadOnlyList<ArticleListItem> Articles);

public sealed record CategoryViewModel(CategorySummary Category, PagedList<ArticleListItem> Articles);

/// <summary>
/// An article page; <paramref name="Attachments"/> are listed under the body (none when null); "Văn bản liên quan" is read
/// only when <paramref name="HasLinkedDocuments"/>; the album block is read only when the article names one (<paramref name="AlbumId"/>).
/// </summary>
public sealed record ArticleViewModel(ArticleDetails Article, IReadOnlyList<ArticleListItem> Others, string CanonicalUrl, string JsonLd,
    IReadOnlyList<AttachmentItem>? Attachments = null, bool HasLinkedDocuments = true, int? AlbumId = null);

public sealed record DayArchiveViewModel(DateOnly Day, PagedList<ArticleListItem> Articles);

public sealed record StaticPageViewModel(StaticPageDetails Page, IReadOnlyList<AttachmentItem>? Attachments = null);
