using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Services.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record DashboardViewModel(
    IReadOnlyList<StateCount> Counts,
    IReadOnlyList<ArticleAdminItem> MyDrafts,
    IReadOnlyList<ArticleAdminItem> WaitingForReview,
    IReadOnlyList<AuditEntry> LatestChanges,
    IReadOnlyList<DailyStat> Days,
    DateTime NowUtc);

public sealed record ArticleListViewModel(
    PagedList<ArticleAdminItem> Articles,
    IReadOnlyList<CategorySummary> Categories,
    string? Words,
    int? CategoryId,
    ArticleState? State,
    string? Author,
    bool InBin,
    DateTime NowUtc,
    ArticleSort Sort);

public sealed record ArticleFormViewModel(
    int? Id,
    ArticleEditModel Form,
    IReadOnlyList<CategorySummary> Categories,
    ArticleState? State,
    bool CanPublish,
    EditConflict? Conflict);

public sealed record RevisionsViewModel(int ArticleId, string Title, IReadOnlyList<ArticleRevision> Revisions, long? ShowRevisionId);

public sealed record MediaListViewModel(PagedList<DoJ.Portal.Domain.Content.Media> Items);

/// <summary>The warning a refused (stale) save shows, shared by the article and static page forms.</summary>
public sealed record EditConflictViewModel(EditConflict Conflict, string Heading, string Noun, string ReloadUrl);
