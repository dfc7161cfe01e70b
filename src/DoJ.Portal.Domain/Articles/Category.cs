namespace DoJ.Portal.Domain.Articles;

/// <summary>A section of the site (chuyên mục), addressed by its slug.</summary>
public class Category : IAuditable
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Hidden categories keep their pages but leave the menu and the home page blocks.</summary>
    public bool IsHidden { get; set; }

    public ICollection<Article> Articles { get; } = [];
}
