using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Web.Editing;

public static class ArticleTransitionNames
{
    public static string ToVietnamese(this ArticleTransition transition) => transition switch
    {
        ArticleTransition.Submit => "Gửi duyệt",
        ArticleTransition.Publish => "Xuất bản",
        ArticleTransition.Unpublish => "Gỡ xuống",
        ArticleTransition.Delete => "Chuyển vào thùng rác",
        ArticleTransition.Restore => "Khôi phục từ thùng rác",
        ArticleTransition.Purge => "Xóa vĩnh viễn",
        _ => transition.ToString(),
    };

    /// <summary>
    /// Applies a workflow step (not <see cref="ArticleTransition.Purge"/>, which each editor handles) to any publishable
    /// content; false when the step does not apply to its state.
    /// </summary>
    public static bool ApplyTo(this ArticleTransition transition, PublishableContent content, DateTime publishAtUtc, string? userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        return transition switch
        {
            ArticleTransition.Submit => content.Submit(),
            ArticleTransition.Publish => content.Publish(publishAtUtc),
            ArticleTransition.Unpublish => content.Unpublish(),
            ArticleTransition.Delete => content.MoveToBin(userId, nowUtc),
            ArticleTransition.Restore => content.RestoreFromBin(),
            _ => false,
        };
    }
}
