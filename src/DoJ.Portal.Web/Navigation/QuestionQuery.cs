namespace DoJ.Portal.Web.Navigation;

/// <summary>The query keys of the public Q&amp;A list (<c>/hoi-dap?linh-vuc=&amp;q=&amp;trang=</c>) and the status lookup.</summary>
public static class QuestionQuery
{
    public const string Field = "linh-vuc";
    public const string Text = "q";
    public const string Code = "ma";
}
