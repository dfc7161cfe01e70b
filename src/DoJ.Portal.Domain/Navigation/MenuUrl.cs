namespace DoJ.Portal.Domain.Navigation;

/// <summary>
/// The addresses a menu item may hold: an absolute <c>http</c>/<c>https</c> URL, or a path on this site
/// starting with a single "/". Anything a browser could read as script or as another site is refused
/// (the rules are <see cref="WebAddress"/>'s, shared with links and redirects).
/// </summary>
public static class MenuUrl
{
    public static bool IsAcceptable(string? url) =>
        url is { Length: > 0 and <= MenuItem.UrlMaxLength }
        && (url.StartsWith('/') ? WebAddress.CheckSiteRelative(url) : WebAddress.CheckAbsolute(url)) == WebAddressProblem.None;
}
