namespace DoJ.Portal.Web.Editing;

public enum ArticleTransition
{
    Submit,
    Publish,
    Unpublish,
    Delete,
    Restore,
    Purge,
}
