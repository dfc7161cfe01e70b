using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Diagnostics;

namespace DoJ.Portal.Web.Security;

/// <summary>
/// Where plain http is not allowed (outside Development, without <c>Security:PlainHttpCookies</c>), a request that did not
/// come over https (directly, or from a known proxy's <c>X-Forwarded-Proto</c>) never reaches the sign-in forms or the
/// citizens' forms (a question, a comment on a draft), whose antiforgery and cookies work over https only and would
/// otherwise answer 500:
/// a GET or HEAD is sent to the same address on the https base URL when there is one (<c>Site:BaseUrl</c> or the site
/// settings'); without one, public pages are served and the account, admin and form pages answer 403 with a page saying
/// that they need HTTPS. Any other method is refused the same way, never redirected: its form has already crossed the
/// network in clear, and a redirect would send it again.
/// </summary>
public sealed class PlainHttpGuard(RequestDelegate next, SiteUrls urls)
{
    private static readonly object RefusedKey = new();

    /// <summary>True when this guard refused the request: the error page then says why.</summary>
    public static bool Refused(HttpContext context) => context?.Items.ContainsKey(RefusedKey) == true;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.IsHttps
            || request.Path.StartsWithSegments(SiteUrls.Health)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return next(context);
        }

        var readOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (readOnly && urls.BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // The configured address, never the Host header: the client chooses that one.
            context.Response.Redirect(urls.Absolute(request.Path.Value + request.QueryString.Value), permanent: true);
            return Task.CompletedTask;
        }

        if (readOnly && !NeedsHttps(request.Path))
        {
            return next(context);
        }

        context.Items[RefusedKey] = true;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>The pages that sign in or act as a signed-in user, and the citizens' forms with their antiforgery token.</summary>
    private static bool NeedsHttps(PathString path) =>
        path.StartsWithSegments(SiteUrls.Account) || path.StartsWithSegments(AdminUrls.Home)
        || path.StartsWithSegments(SiteUrls.AskQuestion) || IsCommentForm(path);

    /// <summary><c>/van-ban/{id}/{slug}/gop-y</c> and its thanks page below it; a document whose slug is <c>gop-y</c> is not one.</summary>
    private static bool IsCommentForm(PathString path)
    {
        if (!path.StartsWithSegments(SiteUrls.Documents, out var rest) || rest.Value is not { Length: > 0 } value)
        {
            return false;
        }

        var segments = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length is 3 or 4 && segments[2] == SiteUrls.CommentFormSegment;
    }
}
