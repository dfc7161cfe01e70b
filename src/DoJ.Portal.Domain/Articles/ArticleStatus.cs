namespace DoJ.Portal.Domain.Articles;

/// <summary>
/// The stored workflow state of an article. "Scheduled" (Hẹn giờ) is not stored: it is a
/// <see cref="Published"/> article whose publish time is still in the future, so it becomes
/// public by itself when the clock passes that time (see docs/adr/0004-scheduled-is-derived.md).
/// </summary>
public enum ArticleStatus
{
    Draft = 0,
    Submitted = 1,
    Published = 2,
    Unpublished = 3,
}
