namespace DoJ.Portal.Web.Editing;

/// <summary>A saved static page as its edit form shows it; <see cref="PublicPath"/> is set while it is published.</summary>
public sealed record StaticPageForm(StaticPageEditModel Model, string? PublicPath);
