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
}
