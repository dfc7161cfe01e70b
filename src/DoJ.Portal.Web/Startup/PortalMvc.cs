using System.Text.Encodings.Web;
using System.Text.Unicode;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Settings;
using Microsoft.Extensions.WebEncoders;

namespace DoJ.Portal.Web.Startup;

/// <summary>MVC, the health check and the public site's services; and the request pipeline.</summary>
public static class PortalMvc
{
    public static IServiceCollection AddPortalMvc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section));
        services.AddSingleton<SiteUrls>();
        services.AddOptions<SitemapOptions>().Bind(configuration.GetSection(SitemapOptions.Section))
            .Validate(o => o.IdsPerFile is > 0 and <= SitemapOptions.MaxIdsPerFile, "Sitemap:IdsPerFile must be between 1 and 50000.")
            .ValidateOnStart();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<SiteSettingsCache>();
        services.AddScoped<PublicMenu>();
        services.AddScoped<LatestLists>();
        services.AddSingleton<PublicCache>();
        services.AddSingleton<BackgroundJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundJobs>());
        services.AddSingleton<ContentSanitizer>();
        services.AddSingleton<SecurityLog>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<SiteSettingsEditor>();
        services.AddScoped<StaticPageEditor>();
        services.AddScoped<CategoryEditor>();
        services.AddScoped<LegalDocumentEditor>();
        services.AddScoped<VideoEditor>();
        services.AddScoped<QuestionEditor>();
        services.AddScoped<AlbumEditor>();
        services.AddScoped<RegisterTermEditor>();
        services.AddScoped<MenuEditor>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<LinkEditor>();
        services.AddScoped<RedirectEditor>();
        services.AddScoped<ProcedureEditor>();
        services.AddScoped<OfficialEditor>();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddScoped<MediaStore>();
        services.AddScoped<ImageConversion>();
        services.AddHostedService<ImageVariantBackfill>();
        services.AddScoped<MediaLibrary>();
        services.AddPortalFiles(configuration);
        services.AddScoped<PortalBackup>();
        services.AddHostedService<PortalInstanceLock>();
        services.AddMemoryCache();
        services.AddPortalCaching(configuration);
        services.AddOptions<CountingOptions>().Bind(configuration.GetSection(CountingOptions.Section));
        services.AddSingleton<BotDetector>();
        services.AddSingleton<VisitCounter>();
        if (services.AddPortalRedis(configuration))
        {
            services.AddSingleton<SharedVisitors>();
        }

        services.AddHostedService<VisitFlushService>();
        // Before the search's own services, so it listens before a start-up rebuild can end.
        services.AddHostedService<SearchRebuildEviction>();
        services.AddPortalSearch(configuration);
        services.AddHostedService<FileTextExtraction>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });
        services.AddControllersWithViews(options =>
        {
            VietnameseModelBinding.Use(options.ModelBindingMessageProvider);
            options.Filters.Add<AntiforgeryFailureLogging>();
            options.Filters.Add<HeldConnectionFilter>();
            options.Conventions.Add(new HeadAsGetConvention());
        });
        // Vietnamese letters go out as UTF-8 text, not as &#x…; escapes (markup is still encoded).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// Under a path prefix (<see cref="PathPrefix"/>): the prefix comes off the request path first, so routing, the
    /// counters and the caches see the portal's own addresses, and every site-relative redirect gets it back.
    /// </summary>
    public static WebApplication UsePortalPathPrefix(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var prefix = PathPrefix.From(app.Configuration["Site:BaseUrl"]);
        if (prefix.Length == 0)
        {
            return app;
        }

        app.UsePathBase(prefix);
        app.Use((context, next) =>
        {
            // A request that reached the portal without the prefix (straight to an instance) would render and cache pages whose
            // links lack it: it is sent to the prefixed address instead. The health check answers either way.
            if (!context.Request.PathBase.HasValue && !context.Request.Path.StartsWithSegments(SiteUrls.Health))
            {
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = prefix + context.Request.Path + context.Request.QueryString;
                return Task.CompletedTask;
            }

            // Taken now: by the time a body-less response starts, UsePathBase has put the request's path back.
            var pathBase = context.Request.PathBase;
            context.Response.OnStarting(() =>
            {
                var location = context.Response.Headers.Location.ToString();
                if (location.Length > 0)
                {
                    context.Response.Headers.Location = PathPrefix.ApplyOnce(pathBase, location);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePortalPathPrefix();
        app.UsePortalSecurityHeaders();
        app.UsePortalRequestLogging();
        app.UseMiddleware<VisitCountingMiddleware>();
        app.UseMiddleware<HeadResponseMiddleware>();
        // A friendly page in every environment: a citizen never sees a stack trace.
        app.UseExceptionHandler(SiteUrls.Errors + "/500");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute(SiteUrls.Errors + "/{0}");
        if (!PortalIdentity.AllowsPlainHttp(app.Environment, app.Configuration))
        {
            // After the status-code pages, so that its 403 is rendered as the Vietnamese page.
            app.UseMiddleware<PlainHttpGuard>();
        }

        app.UseMiddleware<LegacyRedirectMiddleware>();
        // Files put into wwwroot after the build (the benchmark's static twins); the build's own assets
        // are served, fingerprinted and precompressed, by MapStaticAssets below.
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePortalCaching();

        app.MapHealthChecks(SiteUrls.Health);
        app.MapStaticAssets();
        // WithStaticAssets: "~/css/site.css" in a view becomes its fingerprinted URL, cached for a year.
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
