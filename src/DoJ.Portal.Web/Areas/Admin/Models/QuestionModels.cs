using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>The moderation queue: one page, its filter, the counts per status and the filters' choices.</summary>
public sealed record QuestionQueueViewModel(
    PagedList<QuestionAdminItem> Questions,
    QuestionAdminFilter Filter,
    IReadOnlyList<QuestionStatusCount> Counts,
    IReadOnlyList<FieldChoice> Fields,
    IReadOnlyList<EditorChoice> Editors);

/// <summary>
/// One question's screen: the question and its asker (staff only), and the forms of every step. The posted values
/// come back when a step is refused (<see cref="Problem"/>) or stale (<see cref="Conflict"/>).
/// </summary>
public sealed record QuestionScreenViewModel(
    QuestionDetails Question,
    IReadOnlyList<EditorChoice> Editors,
    string? Answer,
    Guid AnswerStamp,
    string? DeclineReason,
    int? MergeTargetId,
    string? Problem,
    EditConflict? Conflict,
    string? MyId);
