using System.Globalization;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// Which public responses the output cache keeps, and under which key. Only anonymous GET/HEAD requests
/// are looked up or stored (a signed-in editor always gets a fresh page); only 200 responses without a
/// cookie are stored. The key is the path plus the values that change the page, each normalized
/// (<c>trang=02</c> is <c>trang=2</c>; any other query string is ignored and cannot add entries), plus
/// the content coding the compression middleware will choose, so compressed bytes are cached once.
/// The host is not part of the key: absolute URLs come from the configured base URL, not the Host header.
/// </summary>
public sealed class PageCachePolicy(PageCacheVary vary, TimeSpan lifetime, bool enabled) : IOutputCachePolicy
{
    public const string PageKey = "trang";
    public const string QueryKey = "q";

    /// <summary>The vary key of the search index's version (<see cref="SearchIndex.Version"/>).</summary>
    public const string IndexKey = "index";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var attempt = enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        var rules = context.CacheVaryByRules;
        rules.VaryByHost = false;
        rules.QueryKeys = default;
        if (vary.HasFlag(PageCacheVary.Page))
        {
            // As model binding reads it: the first value, an empty one meaning none. A value the page
            // refuses (a 400) is neither looked up nor stored.
            if (PageNumber.TryParse(FirstValue(request, PageKey), out var page))
            {
                rules.VaryByValues[PageKey] = page.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }
        }

        if (vary.HasFlag(PageCacheVary.Query))
        {
            rules.VaryByValues[QueryKey] = SearchText.Clean(FirstValue(request, QueryKey));
        }

        if (vary.HasFlag(PageCacheVary.Index))
        {
            rules.VaryByValues[IndexKey] = http.RequestServices.GetRequiredService<SearchIndex>().Version.ToString(CultureInfo.InvariantCulture);
        }

        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        rules.VaryByValues["coding"] = compression.CheckRequestAcceptsCompression(http)
            ? compression.GetCompressionProvider(http)?.EncodingName ?? "identity"
            : "identity";
        context.Tags.Add(PageTags.Site);
        return ValueTask.CompletedTask;
    }

    private static string? FirstValue(HttpRequest request, string key)
    {
        var values = request.Query[key];
        return values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The query values a cached response varies on.</summary>
[Flags]
public enum PageCacheVary
{
    None = 0,

    /// <summary><c>trang</c>, the page number of a list.</summary>
    Page = 1,

    /// <summary><c>q</c>, the search text.</summary>
    Query = 2,

    /// <summary>The search index's version on this instance: pages whose content comes from the index.</summary>
    Index = 4,
}
