namespace DoJ.Portal.Domain.Articles;

/// <summary>What an editor sees of an article's workflow position (derived, never stored).</summary>
public enum ArticleState
{
    Draft,
    Submitted,
    Scheduled,
    Published,
    Unpublished,
    Deleted,
}

public static class ArticleStateNames
{
    /// <summary>Vietnamese labels used across the admin area.</summary>
    public static string ToVietnamese(this ArticleState state) => state switch
    {
        ArticleState.Draft => "Nháp",
        ArticleState.Submitted => "Chờ duyệt",
        ArticleState.Scheduled => "Hẹn giờ",
        ArticleState.Published => "Đã xuất bản",
        ArticleState.Unpublished => "Gỡ xuống",
        ArticleState.Deleted => "Thùng rác",
        _ => state.ToString(),
    };

    /// <summary>A stored status (a revision's), in the same words as <see cref="ArticleState"/>.</summary>
    public static string ToVietnamese(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => ArticleState.Draft.ToVietnamese(),
        ArticleStatus.Submitted => ArticleState.Submitted.ToVietnamese(),
        ArticleStatus.Published => ArticleState.Published.ToVietnamese(),
        ArticleStatus.Unpublished => ArticleState.Unpublished.ToVietnamese(),
        _ => status.ToString(),
    };
}
