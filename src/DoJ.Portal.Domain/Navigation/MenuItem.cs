using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;

namespace DoJ.Portal.Domain.Navigation;

public enum MenuItemKind
{
    Category = 0,
    StaticPage = 1,
    Url = 2,
}

/// <summary>An entry of the main menu; nested one level deep at most.</summary>
public class MenuItem : IAuditable
{
    public const int TitleMaxLength = 100;
    public const int UrlMaxLength = 500;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public MenuItemKind Kind { get; set; }
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public int? StaticPageId { get; set; }
    public StaticPage? StaticPage { get; set; }

    /// <summary>Site-relative path or an absolute http(s) URL, for <see cref="MenuItemKind.Url"/>.</summary>
    public string? Url { get; set; }

    public int? ParentId { get; set; }
    public MenuItem? Parent { get; set; }
    public ICollection<MenuItem> Children { get; } = [];
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;
}
