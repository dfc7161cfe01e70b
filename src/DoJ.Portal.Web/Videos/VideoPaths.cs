using System.Text.RegularExpressions;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Videos;

/// <summary>Which requests are a video's page or its MP4, for the security headers chosen before routing.</summary>
public static partial class VideoPaths
{
    /// <summary><c>/video/{id}/{slug}</c>: the one kind of page that may frame the YouTube player.</summary>
    public static bool IsPage(PathString path) =>
        path.StartsWithSegments(SiteUrls.Videos, out var rest) && rest.Value is { } r && PageRest().IsMatch(r) && !IsFile(path);

    /// <summary><c>/video/{id}/tep.mp4</c>: a file, never a page.</summary>
    public static bool IsFile(PathString path) =>
        path.StartsWithSegments(SiteUrls.Videos, out var rest) && rest.Value is { } r && FileRest().IsMatch(r);

    [GeneratedRegex(@"^/\d{1,10}/[^/]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PageRest();

    [GeneratedRegex(@"^/\d{1,10}/tep\.mp4$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FileRest();
}
