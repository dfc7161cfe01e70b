namespace DoJ.Portal.Web.Models;

/// <summary>A resolved menu entry (site-relative path or another site's URL).</summary>
public sealed record MenuLink(string Title, string Url, IReadOnlyList<MenuLink> Children);
