namespace DoJ.Portal.Web.Editing;

/// <summary>A row of the static page list: what it is, where it answers, and who changed it last.</summary>
public sealed record StaticPageListItem(int Id, string Title, string Slug, string Language, bool IsPublished, DateTime UpdatedAtUtc, string? UpdatedBy);
