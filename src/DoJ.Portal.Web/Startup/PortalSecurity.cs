using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Startup;

/// <summary>Security headers on every response, body limits, and rate limits on the endpoints worth attacking.</summary>
public static class PortalSecurity
{
    public const string ProxySection = "ReverseProxy";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Kestrel writes its own "Server: Kestrel" after every header policy has run: switch it off there.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        // Behind nginx or a load balancer: the client address and scheme come from X-Forwarded-For/-Proto,
        // believed only from the proxies listed (ReverseProxy:KnownProxies, ReverseProxy:KnownNetworks).
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // Only the proxies configured: not the framework's default of loopback, which any process on the host
            // (or, in a container, the container itself) could use to choose its own address.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection(ProxySection + ":KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection(ProxySection + ":KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // ASVS 5.0 3.4.1: a year, subdomains included (the HSTS middleware runs outside Development only).
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // The status-code page renders the Vietnamese 429 page; the client learns when to come back.
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<Security.SecurityLog>().RateLimited(context.HttpContext);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(RateLimitPolicies.SignIn, context => PerMinute(ByAddress(context), Limits(context).SignInPerMinute));
            options.AddPolicy(RateLimitPolicies.Search, context => PerMinute(ByAddress(context), Limits(context).SearchPerMinute));
            options.AddPolicy(RateLimitPolicies.Upload, context => PerMinute(ByUser(context), Limits(context).UploadsPerMinute));
            options.AddPolicy(RateLimitPolicies.PasswordReset, context => PerMinute(ByUser(context), Limits(context).PasswordResetsPerMinute));
            options.AddPolicy(RateLimitPolicies.EditorSave, context => PerMinute(ByUser(context), Limits(context).EditorSavesPerMinute));
        });
        return services;
    }

    /// <summary>
    /// Headers first in the pipeline, so that error pages carry them too. Pages get a Content-Security-Policy
    /// with no inline script at all; uploaded files get one under which nothing can run.
    /// </summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.Configuration.GetSection(ProxySection);
        if (proxies.GetSection("KnownProxies").Exists() || proxies.GetSection("KnownNetworks").Exists())
        {
            app.UseForwardedHeaders();
        }

        var pages = PagePolicy();
        var uploads = UploadPolicy();
        var downloads = DownloadPolicy();
        var previews = PreviewPolicy();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/media"), branch => branch.UseSecurityHeaders(uploads));
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Navigation.SiteUrls.Files) && !Files.DownloadHeaders.IsPreview(c.Request),
            branch => branch.UseSecurityHeaders(downloads));
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Navigation.SiteUrls.Files) && Files.DownloadHeaders.IsPreview(c.Request),
            branch => branch.UseSecurityHeaders(previews));
        var videoPages = VideoPagePolicy();
        app.UseWhen(c => Videos.VideoPaths.IsFile(c.Request.Path), branch => branch.UseSecurityHeaders(downloads));
        app.UseWhen(c => Videos.VideoPaths.IsPage(c.Request.Path), branch => branch.UseSecurityHeaders(videoPages));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/media") && !c.Request.Path.StartsWithSegments(Navigation.SiteUrls.Files)
                && !Videos.VideoPaths.IsFile(c.Request.Path) && !Videos.VideoPaths.IsPage(c.Request.Path),
            branch => branch.UseSecurityHeaders(pages));
        return app;
    }

    /// <summary>
    /// The endpoint's body limit (<c>[RequestSizeLimit]</c>, else <see cref="RequestBodyLimits.Default"/>), after routing:
    /// a declared Content-Length over it is answered 413 before a byte is read; a body without one is cut off at the
    /// limit by the server (Kestrel, IIS), whose per-request maximum is lowered to it here and by routing.
    /// </summary>
    public static WebApplication UsePortalRequestLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // The error page re-executed for a refused request must not be refused in turn.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                var metadata = context.GetEndpoint()?.Metadata;
                var declared = metadata?.GetMetadata<IRequestSizeLimitMetadata>();
                var video = metadata?.GetMetadata<Videos.AcceptsVideoAttribute>() is not null;
                var attachments = video || metadata?.GetMetadata<AcceptsAttachmentsAttribute>() is not null;
                var limit = video
                    ? Videos.AcceptsVideoAttribute.Limit(context.RequestServices.GetRequiredService<IOptions<Videos.VideoOptions>>().Value.MaxUploadBytes)
                    : attachments
                    ? RequestBodyLimits.WithAttachments(context.RequestServices.GetRequiredService<IOptions<Files.FileUploadOptions>>().Value.MaxUploadBytes)
                    : declared is null ? RequestBodyLimits.Default : declared.MaxRequestBodySize;
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if ((declared is null || attachments) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
                {
                    server.MaxRequestBodySize = limit;
                }
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Images over https only (besides our own): an old article's http:// image is blocked rather than
    /// loaded as mixed content, so no upgrade-insecure-requests is needed.
    /// </summary>
    public static HeaderPolicyCollection PagePolicy() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
        .RemoveServerHeader()
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            // Article bodies may show images of other government sites; Bootstrap draws icons with data: SVG.
            csp.AddImgSrc().Self().Data().OverHttps();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    /// <summary>
    /// A video's page (<c>/video/{id}/{slug}</c>): the pages' policy plus <c>frame-src</c> for the privacy-enhanced
    /// YouTube player, whose address the server builds from a stored id. No other page may frame anything.
    /// </summary>
    public static HeaderPolicyCollection VideoPagePolicy() => PagePolicy()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data().OverHttps();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddMediaSrc().Self();
            csp.AddFrameSrc().From("https://" + DoJ.Portal.Domain.Gallery.YouTubeAddress.EmbedHost);
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    public static HeaderPolicyCollection UploadPolicy() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddImgSrc().Self();
            csp.AddStyleSrc().UnsafeInline();
            csp.AddFrameAncestors().Self();
            csp.AddSandbox();
        });

    /// <summary>
    /// Document downloads (<c>/tai-lieu</c>): a file is never shown as a page, and if a browser ever renders one anyway
    /// (a PDF viewer, a mistaken type), nothing in it may run, load or frame anything.
    /// </summary>
    public static HeaderPolicyCollection DownloadPolicy() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddSandbox();
            csp.AddDefaultSrc().None();
        });

    /// <summary>
    /// A PDF shown inline in the document page's preview frame (<c>?xem=1</c>): framed by our own pages only, loading
    /// nothing. No <c>sandbox</c>: Chromium's PDF viewer does not run in a sandboxed document; the bytes were checked
    /// to be a PDF on upload and are served as <c>application/pdf</c> with no sniffing.
    /// </summary>
    public static HeaderPolicyCollection PreviewPolicy() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsSameOrigin()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddFrameAncestors().Self();
        });

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The client address, held in memory for the window only: never stored or logged.</summary>
    private static string ByAddress(HttpContext context) => (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    private static string ByUser(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "address:" + ByAddress(context);
}
