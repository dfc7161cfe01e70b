using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record DashboardViewModel(
    IReadOnlyList<StateCount> Counts,
    IReadOnlyList<ArticleAdminItem> MyDrafts,
    IReadOnlyList<ArticleAdminItem> WaitingForReview,
    IReadOnlyList<AuditEntry> LatestChanges,
    VisitChart Chart,
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
    EditConflict? Conflict)
{
    public IReadOnlyList<AlbumChoice> Albums { get; init; } = [];

    /// <summary>The lead image chosen (to show beside its fields), or null.</summary>
    public DoJ.Portal.Web.Media.MediaChoice? LeadImage { get; init; }

    /// <summary>An editor's note when the article was sent back to its author, until it is submitted again.</summary>
    public string? ReturnNote { get; init; }

    public DateTime? ReturnedAtUtc { get; init; }
}

public sealed record RevisionsViewModel(int ArticleId, string Title, IReadOnlyList<ArticleRevision> Revisions, long? ShowRevisionId);

public sealed record MediaListViewModel(PagedList<DoJ.Portal.Domain.Content.Media> Items);

public sealed record SettingsFormViewModel(SiteSettingsEditModel Form, string ConfiguredBaseUrl, EditConflict? Conflict);

/// <summary>The audit log viewer's filter as the query string carries it.</summary>
public sealed class AuditQuery
{
    [FromQuery(Name = "nguoi-dung")]
    public string? User { get; set; }

    [FromQuery(Name = "doi-tuong")]
    public string? Kind { get; set; }

    [FromQuery(Name = "thao-tac")]
    public string? Action { get; set; }

    [FromQuery(Name = "ma")]
    public string? Id { get; set; }

    [FromQuery(Name = "tu-ngay")]
    public string? From { get; set; }

    [FromQuery(Name = "den-ngay")]
    public string? To { get; set; }

    /// <summary>The same filter as a query string, for the export link.</summary>
    public string ToQueryString() =>
        Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["nguoi-dung"] = User,
            ["doi-tuong"] = Kind,
            ["thao-tac"] = Action,
            ["ma"] = Id,
            ["tu-ngay"] = From,
            ["den-ngay"] = To,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

public sealed record AuditListViewModel(PagedList<AuditEntry> Entries, AuditQuery Query, AuditFilterChoices Choices);

/// <summary>The warning a refused (stale) save shows, shared by the article and static page forms.</summary>
public sealed record EditConflictViewModel(EditConflict Conflict, string Heading, string Noun, string ReloadUrl);

/// <summary>The jobs screen: the recent jobs of this instance, and where the reading of files' text stands (all instances).</summary>
public sealed record JobsViewModel(IReadOnlyList<DoJ.Portal.Web.Operations.JobSnapshot> Jobs, FileTextStatus Files, int ImagesWaiting);
