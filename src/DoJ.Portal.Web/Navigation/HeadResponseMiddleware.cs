using Microsoft.AspNetCore.Http.Features;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// A HEAD is answered as its GET would be, headers and all (Content-Type, Content-Length, ETag, a 304), without
/// the body: what the page writes goes nowhere, whatever the server does with it. Placed before the page cache,
/// which stores the full response.
/// </summary>
public sealed class HeadResponseMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsHead(context.Request.Method) || context.Features.Get<IHttpResponseBodyFeature>() is not { } body)
        {
            await next(context);
            return;
        }

        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
        }
    }
}
