namespace DoJ.Portal.Web.Navigation;

/// <summary>The query keys of the register (<c>/van-ban?loai=&amp;co-quan=&amp;linh-vuc=&amp;nam=&amp;hieu-luc=&amp;q=&amp;trang=</c>), named once.</summary>
public static class DocumentQuery
{
    public const string DocumentType = "loai";
    public const string IssuingBody = "co-quan";
    public const string Field = "linh-vuc";
    public const string Year = "nam";
    public const string Effect = "hieu-luc";
    public const string Text = "q";

    /// <summary>The most characters of <see cref="Text"/> the register reads (a number, or a few words).</summary>
    public const int TextMaxLength = 200;

    /// <summary>Every key that changes the register's content (the page number, <c>trang</c>, is the pager's).</summary>
    public static readonly string[] FilterKeys = [DocumentType, IssuingBody, Field, Year, Effect, Text];
}
