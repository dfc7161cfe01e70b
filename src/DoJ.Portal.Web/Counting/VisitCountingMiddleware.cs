using System.Globalization;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;

namespace DoJ.Portal.Web.Counting;

/// <summary>
/// Decides after each response whether it was a counted page view: a successful GET of a public HTML
/// page by a browser. It sits before any page cache, so cached pages are counted too, and it sets no
/// cookie: the visitor is recognised by <see cref="VisitorHasher"/> alone.
/// </summary>
public sealed class VisitCountingMiddleware(RequestDelegate next, VisitCounter counter, BotDetector bots)
{
    private static readonly string[] ExcludedPrefixes = [AdminUrls.Home, SiteUrls.Account, SiteUrls.Health, SiteUrls.Errors, SiteUrls.LinkOut, SiteUrls.VisitCounterWidget];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Counted when the response starts: status and content type are final then, and the count is
        // taken before the client has the page (so a test, or a second request, sees it at once).
        context.Response.OnStarting(() => CountAsync(context));
        await next(context);
    }

    private async Task CountAsync(HttpContext context)
    {
        if (IsCountedPageView(context))
        {
            var request = context.Request;
            var visitor = await counter.IdentifyAsync(context.Connection.RemoteIpAddress, request.Headers.UserAgent.ToString(), context.RequestAborted);
            counter.RecordPageView(visitor, ArticleId(request.Path));
        }
    }

    private bool IsCountedPageView(HttpContext context) => IsPageResponse(context) && MayCount(context, bots);

    /// <summary>
    /// Everything but the response: a browser's GET, not a prefetch, outside the excluded paths. The widget asks
    /// this while the page renders, to count its reader before the response (and the count) starts.
    /// </summary>
    public static bool MayCount(HttpContext context, BotDetector bots)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bots);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || IsPrefetch(request))
        {
            return false;
        }

        var path = request.Path;
        foreach (var prefix in ExcludedPrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return !bots.IsBot(request.Headers.UserAgent.ToString());
    }

    /// <summary>
    /// A page sent in full, or a public page the browser already had and revalidated (a 304 from the
    /// page cache carries no content type: the endpoint tells it was a page).
    /// </summary>
    /// <summary>
    /// A page rendered by the portal: HTML from a controller action (a file that happens to be HTML, put in
    /// wwwroot, is not a page view), or a 304 revalidating a public page.
    /// </summary>
    internal static bool IsPageResponse(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status200OK => context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not null,
        StatusCodes.Status304NotModified => Startup.PortalCaching.IsPublicPage(context),
        _ => false,
    };

    /// <summary>Speculative loads (link prefetch, prerender) are not views.</summary>
    private static bool IsPrefetch(HttpRequest request) =>
        request.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || request.Headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || request.Headers["X-Moz"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || request.Headers["X-Purpose"].ToString().Contains("preview", StringComparison.OrdinalIgnoreCase);

    /// <summary>The id of <c>/tin-tuc/{id}/{slug}</c>, read from the path so cached pages count too.</summary>
    public static int? ArticleId(PathString path)
    {
        var value = path.Value;
        const string prefix = "/tin-tuc/";
        if (value is null || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = value.AsSpan(prefix.Length);
        var end = rest.IndexOf('/');
        var digits = end < 0 ? rest : rest[..end];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
