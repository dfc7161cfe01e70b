using DoJ.Portal.Domain.Time;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// The register's pages: <see cref="PageCachePolicy"/> (anonymous GET/HEAD only, 200 without a cookie, <c>trang</c>
/// normalized), plus a key per filter of the register (each filter's first value as sent, at most
/// <see cref="ValueMaxLength"/> characters; a longer one is neither looked up nor stored), and a lifetime that ends
/// at the next Vietnam midnight at the latest: a document's status (Còn / Hết / Chưa có hiệu lực) depends on the
/// day, so no page cached yesterday is served today. <see cref="ScheduledPublishWatcher"/> also evicts the pages at
/// midnight, which covers stores that keep their own time.
/// </summary>
public sealed class DocumentPageCachePolicy(PageCachePolicy pages, TimeSpan lifetime, params string[] filterKeys) : IOutputCachePolicy
{
    public const int ValueMaxLength = 200;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ((IOutputCachePolicy)pages).CacheRequestAsync(context, cancellationToken);
        var request = context.HttpContext.Request;
        foreach (var key in filterKeys)
        {
            var values = request.Query[key];
            var value = values.Count > 0 ? values[0] ?? "" : "";
            if (value.Length > ValueMaxLength)
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }

            context.CacheVaryByRules.VaryByValues["f:" + key] = value;
        }

        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.ResponseExpirationTimeSpan = UntilNextVietnamMidnight(clock.GetUtcNow().UtcDateTime, lifetime);
        context.Tags.Add(PageTags.Documents);
    }

    /// <summary><paramref name="lifetime"/>, cut at the next Vietnam midnight (never less than a second).</summary>
    public static TimeSpan UntilNextVietnamMidnight(DateTime nowUtc, TimeSpan lifetime)
    {
        var (_, midnightUtc) = VietnamTime.UtcRangeOf(VietnamTime.DayOf(nowUtc));
        var left = midnightUtc - nowUtc;
        return left < lifetime ? (left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left) : lifetime;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ((IOutputCachePolicy)pages).ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ((IOutputCachePolicy)pages).ServeResponseAsync(context, cancellationToken);
}
