using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Navigation;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Services;

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
            && !request.Path.StartsWithSegments(Startup.PortalMvc.HealthPath)
            && !request.Path.StartsWithSegments("/loi"))
        {
            var raw = request.Path.Value + request.QueryString.Value;
            if (raw.Length <= Redirect.FromMaxLength)
            {
                var table = await LoadTableAsync(context);
                if (table.TryGetValue(Redirect.Normalize(raw), out var target))
                {
                    context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                    context.Response.Headers.Location = target;
                    return;
                }
            }
        }

        await next(context);
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
