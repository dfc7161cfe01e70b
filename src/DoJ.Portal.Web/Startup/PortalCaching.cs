using System.IO.Compression;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// Whole-page output caching for anonymous readers, conditional GET and compression of the public pages.
/// See docs/caching.md for what is cached, the keys, the tags and their eviction.
/// </summary>
public static class PortalCaching
{
    /// <summary>Public HTML pages listing or showing articles; they vary on <c>trang</c> only.</summary>
    public const string Pages = "pages";

    /// <summary>Search results: vary on <c>q</c>, <c>trang</c> and the search index's version.</summary>
    public const string Search = "search";

    /// <summary>RSS feeds and the sitemap (XML, not page views).</summary>
    public const string Feeds = "feeds";

    /// <summary>The document register and a document's page: vary on the register's filters, live until the next Vietnam midnight at most.</summary>
    public const string Documents = "documents";

    /// <summary>The visit counter fragment, shared for a couple of seconds.</summary>
    public const string Counter = "counter";

    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PageCacheOptions.Section);
        services.AddOptions<PageCacheOptions>().Bind(section);
        var options = section.Get<PageCacheOptions>() ?? new PageCacheOptions();
        var pageLifetime = TimeSpan.FromSeconds(Math.Max(1, options.PageSeconds));
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = Math.Max(1, options.SizeLimitMegabytes) * 1024L * 1024L;
            // Addresses are lower case; another case of a slug must reach the controller and get its 301, never the cached page.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(Pages, new PageCachePolicy(PageCacheVary.Page, pageLifetime, options.Enabled));
            cache.AddPolicy(Search, new PageCachePolicy(PageCacheVary.Page | PageCacheVary.Query | PageCacheVary.Index, pageLifetime, options.Enabled));
            cache.AddPolicy(Documents, new DocumentPageCachePolicy(new PageCachePolicy(PageCacheVary.Page | PageCacheVary.Index, pageLifetime, options.Enabled), pageLifetime, DocumentQuery.FilterKeys));
            cache.AddPolicy(Feeds, new PageCachePolicy(PageCacheVary.None, pageLifetime, options.Enabled));
            cache.AddPolicy(Counter, new PageCachePolicy(PageCacheVary.None, TimeSpan.FromSeconds(Math.Max(1, options.CounterSeconds)), options.Enabled));
        });
        if (services.AddPortalRedis(configuration))
        {
            AddSharedStore(services, configuration);
        }

        services.AddResponseCompression(compression =>
        {
            // Only the anonymous public pages and feeds are compressed (see UsePortalCaching): they carry
            // no secret such as an antiforgery token, so compression over HTTPS leaks nothing (BREACH).
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml"]);
        });
        // Compressed once per cache miss, then served from the cache: the better ratio is worth it.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddHostedService<ScheduledPublishWatcher>();
        services.AddSingleton<LayoutBroadcast>();
        services.AddSingleton<RenderGate>();
        services.AddSingleton<RenderGateFilter>();
        services.AddHostedService(provider => provider.GetRequiredService<LayoutBroadcast>());
        return services;
    }

    /// <summary>
    /// With Redis, every instance reads and evicts one store: a page cached by one is served by all, and an
    /// edit on one evicts it on all. <see cref="SharedPageStore"/> keeps the portal serving when Redis fails.
    /// </summary>
    private static void AddSharedStore(IServiceCollection services, IConfiguration configuration)
    {
        var prefix = configuration.GetSection(PortalRedisOptions.Section).Get<PortalRedisOptions>()?.InstanceName ?? new PortalRedisOptions().InstanceName;
        services.AddStackExchangeRedisOutputCache(redis => redis.InstanceName = prefix + "pages:");
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((redis, provider) =>
                redis.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()));
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(provider => new SharedPageStore(
            (IOutputCacheStore)(redisStore.ImplementationFactory?.Invoke(provider)
                ?? redisStore.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SharedPageStore>>()));
    }

    /// <summary>After authentication (signed-in users bypass the cache) and the rate limiter (search stays limited).</summary>
    public static IApplicationBuilder UsePortalCaching(this IApplicationBuilder app)
    {
        // What a signed-in user sees, and the admin and account screens, stay out of every cache
        // (browser history, a shared proxy): they may show drafts and carry tokens.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true
                    || context.Request.Path.StartsWithSegments(AdminUrls.Home, StringComparison.OrdinalIgnoreCase)
                    || context.Request.Path.StartsWithSegments(SiteUrls.Account, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseOutputCache();
        app.UseWhen(IsCachedPage, page =>
        {
            page.UseResponseCompression();
            page.UseMiddleware<PageValidatorMiddleware>();
        });
        return app;
    }

    /// <summary>An endpoint under one of the policies above.</summary>
    public static bool IsCachedPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    /// <summary>An HTML page a reader views (a 304 revalidation of one counts as a view too).</summary>
    public static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is Pages or Search or Documents;
}
