using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// Conditional GET (and HEAD) for the public pages and feeds: a rendered 200 response gets a weak ETag (a hash of its
/// bytes, so it changes exactly when the page does) and <c>Cache-Control: no-cache</c> (browsers and
/// proxies keep it but ask again each time). A request whose <c>If-None-Match</c> names that ETag gets a
/// 304 with no body. The output cache answers such requests itself on a hit from the stored ETag; this
/// covers misses and the cache being off. The body is held in pooled arrays (<see cref="PooledBufferStream"/>), not
/// one growing array. It runs inside the output cache, so the stored response carries
/// the ETag, and inside compression, so one ETag covers every content coding (as weak ETags may).
/// </summary>
public sealed class PageValidatorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new PooledBufferStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.HasStarted)
        {
            var etag = ETagOfHash(buffer.Sha256());
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = "no-cache";
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            if (!response.HasStarted)
            {
                response.ContentLength = buffer.Length;
            }

            await buffer.WriteToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>A weak ETag: 128 bits of the SHA-256 of the body, base64url.</summary>
    private static EntityTagHeaderValue ETagOfHash(ReadOnlySpan<byte> hash)
    {
        var text = Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new EntityTagHeaderValue($"\"{text}\"", isWeak: true);
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
