using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Domain.Publishing;

/// <summary>
/// The workflow every published kind of content shares (articles, documents of the register):
/// Nháp → Chờ duyệt → Đã xuất bản (or Hẹn giờ until its time) → Gỡ xuống, and the recycle bin.
/// </summary>
public abstract class PublishableContent
{
    public ArticleStatus Status { get; set; }

    /// <summary>When the content becomes (or became) public; null until it is published or scheduled.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public const int ReturnNoteMaxLength = 1000;

    /// <summary>An editor's note when sending submitted content back to its author (Chờ duyệt → Nháp); cleared on the next submit.</summary>
    public string? ReturnNote { get; set; }

    public DateTime? ReturnedAtUtc { get; set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedById { get; set; }

    public bool IsPublic(DateTime nowUtc) =>
        Status == ArticleStatus.Published && !IsDeleted && PublishedAtUtc <= nowUtc;

    /// <summary>Contributor hands a draft (or unpublished content) to the editors.</summary>
    public bool Submit()
    {
        if (IsDeleted || Status is not (ArticleStatus.Draft or ArticleStatus.Unpublished))
        {
            return false;
        }

        Status = ArticleStatus.Submitted;
        ReturnNote = null;
        ReturnedAtUtc = null;
        return true;
    }

    /// <summary>An editor sends submitted content back to its author with a note saying what to change.</summary>
    public bool SendBack(string note, DateTime atUtc)
    {
        if (IsDeleted || Status != ArticleStatus.Submitted || string.IsNullOrWhiteSpace(note))
        {
            return false;
        }

        Status = ArticleStatus.Draft;
        var trimmed = note.Trim();
        ReturnNote = trimmed.Length <= ReturnNoteMaxLength ? trimmed : trimmed[..ReturnNoteMaxLength];
        ReturnedAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Publishes now or at a later time (then it is "Hẹn giờ" until that time comes).</summary>
    public bool Publish(DateTime atUtc)
    {
        if (IsDeleted)
        {
            return false;
        }

        Status = ArticleStatus.Published;
        PublishedAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Takes published or scheduled content down; it keeps its publish time for a later re-publish.</summary>
    public bool Unpublish()
    {
        if (IsDeleted || Status != ArticleStatus.Published)
        {
            return false;
        }

        Status = ArticleStatus.Unpublished;
        return true;
    }

    public bool MoveToBin(string? userId, DateTime atUtc)
    {
        if (IsDeleted)
        {
            return false;
        }

        IsDeleted = true;
        DeletedById = userId;
        DeletedAtUtc = atUtc;
        return true;
    }

    public bool RestoreFromBin()
    {
        if (!IsDeleted)
        {
            return false;
        }

        IsDeleted = false;
        DeletedById = null;
        DeletedAtUtc = null;
        return true;
    }

    /// <summary>The state an editor sees: Hẹn giờ is published content whose time has not come.</summary>
    public ArticleState StateAt(DateTime nowUtc) => Status switch
    {
        _ when IsDeleted => ArticleState.Deleted,
        ArticleStatus.Published when PublishedAtUtc > nowUtc => ArticleState.Scheduled,
        ArticleStatus.Published => ArticleState.Published,
        ArticleStatus.Submitted => ArticleState.Submitted,
        ArticleStatus.Unpublished => ArticleState.Unpublished,
        _ => ArticleState.Draft,
    };
}
