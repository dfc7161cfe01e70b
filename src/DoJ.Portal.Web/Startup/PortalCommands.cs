using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Web.Services.Search;
using DoJ.Portal.Web.Services;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/DoJ.Portal.Web -- create-admin --email a@b.vn</c>.
/// The password comes from <c>Admin__Password</c> or, when that is unset, from standard input.
/// </summary>
public static class PortalCommands
{
    public const string CreateAdmin = "create-admin";
    public const string Reindex = "reindex";
    public const string Generate = DatasetGenerator.Command;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is CreateAdmin or Reindex or Generate;

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowDemoContent: false);
        return args[0] switch
        {
            CreateAdmin => await CreateAdminAsync(scope.ServiceProvider, app.Configuration, input, output),
            Reindex => await ReindexAsync(scope.ServiceProvider, output),
            Generate => await DatasetGenerator.RunAsync(scope.ServiceProvider, args, output),
            _ => 2,
        };
    }

    /// <summary>Rebuilds the search index from the database, printing progress.</summary>
    private static async Task<int> ReindexAsync(IServiceProvider services, TextWriter output)
    {
        var index = services.GetRequiredService<SearchIndex>();
        var progress = new LineProgress(output);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var total = await index.RebuildAsync(services.GetRequiredService<ArticleRepository>(), progress);
        await output.WriteLineAsync($"Search index rebuilt: {total} articles in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, IConfiguration configuration, TextReader input, TextWriter output)
    {
        var email = configuration["email"] ?? configuration[$"{AdminOptions.Section}:Email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Usage: create-admin --email <address>   (password from Admin__Password or standard input)");
            return 2;
        }

        var password = configuration[$"{AdminOptions.Section}:Password"];
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {email} (at least {PortalIdentity.MinimumPasswordLength} characters):");
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        var result = await services.GetRequiredService<AdminBootstrapper>().CreateOrResetAsync(email.Trim(), password);
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
