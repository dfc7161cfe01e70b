using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Web.Settings;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Startup;

public static class PortalDatabase
{
    /// <summary>Migrates and seeds when <c>Database:MigrateOnStartup</c> allows it, then ensures an administrator.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdministratorAsync(Console.Out);
        }

        await WarmSettingsAsync(scope.ServiceProvider, app.Logger);
    }

    /// <summary>
    /// Loads the site settings once so that the base URL they may carry applies from the first request
    /// (a sitemap fetched before any page). A database that does not answer yet only delays this.
    /// </summary>
    private static async Task WarmSettingsAsync(IServiceProvider services, ILogger logger)
    {
        try
        {
            await services.GetRequiredService<SiteSettingsCache>().GetAsync();
        }
#pragma warning disable CA1031 // Start anyway: pages load the settings themselves once the database answers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The site settings could not be loaded at start-up");
        }
    }
}
