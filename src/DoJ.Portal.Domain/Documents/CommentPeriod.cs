namespace DoJ.Portal.Domain.Documents;

/// <summary>Where a document stands in its comment period (Lấy ý kiến dự thảo) on a Vietnam calendar day.</summary>
public enum CommentPeriodState
{
    /// <summary>The document was never opened for comment.</summary>
    None = 0,

    /// <summary>Chưa mở lấy ý kiến: the period begins on a later day.</summary>
    NotYetOpen = 1,

    /// <summary>Đang lấy ý kiến: from the opening day 00:00 to the closing day 23:59:59, Vietnam time.</summary>
    Open = 2,

    /// <summary>Đã hết hạn lấy ý kiến: the closing day has passed.</summary>
    Closed = 3,
}

/// <summary>The rules of a comment period, one place for the form, the pages and the editor.</summary>
public static class CommentPeriod
{
    /// <summary>
    /// The state on <paramref name="today"/> (a Vietnam day): both days inclusive, so the edges are Vietnam midnights.
    /// A period with one end only is treated as none (the editor refuses to save one).
    /// </summary>
    public static CommentPeriodState StateOn(DateOnly? opensOn, DateOnly? closesOn, DateOnly today) =>
        opensOn is not { } open || closesOn is not { } close ? CommentPeriodState.None
        : today < open ? CommentPeriodState.NotYetOpen
        : today > close ? CommentPeriodState.Closed
        : CommentPeriodState.Open;

    public static CommentPeriodState CommentStateOn(this LegalDocument document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StateOn(document.CommentsOpenOn, document.CommentsCloseOn, today);
    }

    /// <summary>Why a period as typed cannot be saved (Vietnamese), or null: both days or neither, and the close not before the open.</summary>
    public static string? Refusal(DateOnly? opensOn, DateOnly? closesOn) =>
        (opensOn, closesOn) switch
        {
            (null, null) => null,
            (null, _) => "Vui lòng nhập cả ngày bắt đầu lấy ý kiến (hoặc để trống cả hai ngày).",
            (_, null) => "Vui lòng nhập cả ngày kết thúc lấy ý kiến (hoặc để trống cả hai ngày).",
            ({ } open, { } close) when close < open => "Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu.",
            _ => null,
        };
}
