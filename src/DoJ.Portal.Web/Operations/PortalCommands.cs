using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Operations;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/DoJ.Portal.Web -- create-admin --email a@b.vn</c>.
/// The password comes from <c>Admin__Password</c> or, when that is unset, from standard input.
/// <c>backup --to &lt;folder&gt;</c> and <c>restore --from &lt;folder&gt; [--force]</c> (SQLite only; docs/backup.md).
/// <c>migrate</c> does once, as a deployment step, what <c>Database:MigrateOnStartup</c> does at every start (docs/operations.md).
/// </summary>
public static class PortalCommands
{
    public const string CreateAdmin = "create-admin";
    public const string Reindex = "reindex";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Migrate = "migrate";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is CreateAdmin or Reindex or Backup or Restore or Migrate;

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = app.Services.CreateAsyncScope();
        if (args[0] is Backup or Restore)
        {
            // Neither migrates nor even opens the database through EF: restore needs it closed, backup only reads.
            return await BackupOrRestoreAsync(scope.ServiceProvider, args, output);
        }

        if (args[0] == Migrate)
        {
            return await MigrateAsync(scope.ServiceProvider, output);
        }

        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowDemoContent: false);
        return args[0] switch
        {
            CreateAdmin => await CreateAdminAsync(scope.ServiceProvider, app.Configuration, input, output),
            Reindex => await ReindexAsync(scope.ServiceProvider, output),
            _ => 2,
        };
    }

    /// <summary>
    /// Everything a start with <c>Database:MigrateOnStartup</c> does before serving, and nothing else: the pending
    /// migrations, the required rows, the demo content when <c>Database:SeedDemoContent</c> asks for it and the
    /// database holds no content, the first administrator from <c>Admin:Email</c>/<c>Admin:Password</c>. Run once
    /// per deployment (the compose file's <c>migrate</c> service) while the instances start with
    /// <c>Database:MigrateOnStartup=false</c>; a second run changes nothing. A failure throws: the exit code is not 0.
    /// </summary>
    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        var database = services.GetRequiredService<PortalDbContext>().Database;
        var pending = (await database.GetPendingMigrationsAsync()).ToList();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await services.GetRequiredService<AdminBootstrapper>().EnsureAdministratorAsync(output);
        await output.WriteLineAsync(pending.Count == 0
            ? $"The database is up to date (migration {(await database.GetAppliedMigrationsAsync()).LastOrDefault()}); nothing to apply."
            : $"Applied {pending.Count} migration(s), up to {pending[^1]}.");
        return 0;
    }

    /// <summary>Rebuilds the search index from the database, printing progress.</summary>
    private static async Task<int> ReindexAsync(IServiceProvider services, TextWriter output)
    {
        var index = services.GetRequiredService<SearchIndex>();
        var progress = new LineProgress(output);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var total = await index.RebuildAsync(services.GetRequiredService<SearchContentRepository>(), progress);
        await output.WriteLineAsync($"Search index rebuilt: {total} entries (articles, documents, pages) in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> BackupOrRestoreAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("The portal runs on SQL Server: back it up and restore it with SQL Server's own tools " +
                "(BACKUP DATABASE … WITH CHECKSUM, RESTORE VERIFYONLY, RESTORE DATABASE), and copy the uploads folder. See docs/backup.md.");
            return 1;
        }

        var backup = services.GetRequiredService<PortalBackup>();
        var folder = Option(args, args[0] == Backup ? "--to" : "--from");
        if (string.IsNullOrWhiteSpace(folder))
        {
            await output.WriteLineAsync("Usage: backup --to <folder>   |   restore --from <backup folder> [--force]   (see docs/backup.md)");
            return 2;
        }

        var outcome = args[0] == Backup
            ? await backup.BackupAsync(folder)
            : await backup.RestoreAsync(folder, force: args.Contains("--force", StringComparer.Ordinal));
        await output.WriteLineAsync((outcome.Succeeded ? "" : "Refused: ") + outcome.Message);
        return outcome.Succeeded ? 0 : 1;
    }

    /// <summary>The value after <paramref name="name"/> (<c>--to x</c> or <c>--to=x</c>), read from the arguments themselves.</summary>
    private static string? Option(string[] args, string name)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, IConfiguration configuration, TextReader input, TextWriter output)
    {
        var email = configuration["email"] ?? configuration[$"{AdminOptions.Section}:Email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Usage: create-admin --email <address> [--display-name <name>]   (password from Admin__Password or standard input)");
            return 2;
        }

        var password = configuration[$"{AdminOptions.Section}:Password"];
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {email} (at least {PortalIdentity.MinimumPasswordLength} characters):");
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        // The name (the default byline): --display-name, else Admin:DisplayName; a new account without one gets the default.
        var displayName = configuration["display-name"] ?? configuration[$"{AdminOptions.Section}:DisplayName"];
        var result = await services.GetRequiredService<AdminBootstrapper>().CreateOrResetAsync(email.Trim(), password, displayName);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Failed: " + AdminBootstrapper.Describe(result));
            return 1;
        }

        await output.WriteLineAsync($"Administrator {email.Trim()} is ready.");
        return 0;
    }

    /// <summary>Prints progress on the calling thread (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<int>
    {
        private int lastPrinted;

        public void Report(int value)
        {
            if (value - lastPrinted >= 5_000)
            {
                lastPrinted = value;
                output.WriteLine($"  {value} articles indexed…");
            }
        }
    }
}
