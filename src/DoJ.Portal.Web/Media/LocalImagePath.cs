namespace DoJ.Portal.Web.Media;

/// <summary>
/// An image of the site itself, as a banner or a thumbnail may name it: the media library (<c>/media/…</c>)
/// or the site's own images (<c>/img/…</c>). No scheme, no host, no "..", no query: nothing an attacker
/// could point elsewhere or break out of an attribute with.
/// </summary>
public static class LocalImagePath
{
    public const string Pattern = @"^/(media|img)/(?!.*\.\.)[A-Za-z0-9_\-/\.]+\.(jpg|jpeg|png|gif|webp|svg)$";
}
