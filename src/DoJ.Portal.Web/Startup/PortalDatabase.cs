using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Web.Services;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Startup;

public static class PortalDatabase
{
    /// <summary>Migrates and seeds when <c>Database:MigrateOnStartup</c> allows it, then ensures an administrator.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdministratorAsync(Console.Out);
    }
}
