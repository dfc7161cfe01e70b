using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Startup;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// Answers an address of the replaced portal (e.g. <c>/?cn=28&amp;gd=12&amp;tc=5247</c>) with a 301 to its
/// new address, from the redirect table administrators edit. The table is held in memory as a
/// dictionary (thousands of rows at most) and reloaded when an admin save evicts it.
/// </summary>
public sealed class LegacyRedirectMiddleware(RequestDelegate next, IMemoryCache cache, ILogger<LegacyRedirectMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Path.StartsWithSegments(SiteUrls.Health)
            && !request.Path.StartsWithSegments(SiteUrls.Errors))
        {
            var raw = request.Path.Value + request.QueryString.Value;
            if (raw.Length <= Redirect.FromMaxLength)
            {
                var table = await LoadTableAsync(context);
                if (Find(table, request) is { } target)
                {
                    context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                    context.Response.Headers.Location = target;
                    return;
                }
            }
        }

        await next(context);
    }

    /// <summary>
    /// The exact old address (path and query) first. Failing that, an old path moved as a whole (a renamed
    /// category, <c>/chuyen-muc/cu</c>) takes its query along: <c>/chuyen-muc/cu?trang=2</c> lands on page 2
    /// of the new address.
    /// </summary>
    private static string? Find(Dictionary<string, string> table, HttpRequest request)
    {
        if (table.Count == 0)
        {
            return null;
        }

        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value ?? "";
        if (table.TryGetValue(Redirect.Normalize(path + query), out var exact))
        {
            return exact;
        }

        return query.Length > 0 && path != "/" && table.TryGetValue(Redirect.Normalize(path), out var moved)
            ? (moved.Contains('?', StringComparison.Ordinal) ? moved : moved + query)
            : null;
    }

    /// <summary>The table, or an empty one when the database does not answer: redirects must never take pages down with them.</summary>
    private async Task<Dictionary<string, string>> LoadTableAsync(HttpContext context)
    {
        try
        {
            return (await cache.GetOrCreateAsync(CacheKeys.Redirects, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
                return await context.RequestServices.GetRequiredService<ContentRepository>().LoadRedirectsAsync(context.RequestAborted);
            }))!;
        }
#pragma warning disable CA1031 // Degrade to "no redirects" rather than fail the request.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The redirect table could not be loaded");
            return [];
        }
    }
}
