namespace DoJ.Portal.Web.Editing;

/// <summary>A category in the admin list; <see cref="Articles"/> counts every article, drafts and the recycle bin included.</summary>
public sealed record CategoryRow(int Id, string Name, string Slug, bool IsHidden, int Position, int Articles, int ArticlesInBin, int MenuItems);
