namespace DoJ.Portal.Domain.Navigation;

public enum LinkGroupDisplay
{
    List = 0,
    DropDown = 1,
}

/// <summary>A group of the "Liên kết website" directory (Chính phủ; Các Bộ, Ngành ở TW; …).</summary>
public class LinkGroup : IAuditable
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public LinkGroupDisplay Display { get; set; }
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;
    public ICollection<Link> Links { get; } = [];
}

/// <summary>A link to another site; only absolute http and https URLs are accepted.</summary>
public class Link : IAuditable
{
    public const int TitleMaxLength = 300;
    public const int UrlMaxLength = 500;

    public int Id { get; set; }
    public int LinkGroupId { get; set; }
    public LinkGroup? LinkGroup { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>See <see cref="WebAddress.CheckAbsolute"/>: no <c>javascript:</c>, <c>data:</c>, relative tricks or credentials.</summary>
    public static bool IsAcceptableUrl(string? url) => WebAddress.IsAbsoluteHttp(url);
}
