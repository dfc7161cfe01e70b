using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// The tool: <c>DoJ.Portal.DatasetGenerator --articles N [--documents N] [--albums N] [--seed N] [--append] [--Section:Key=value …]</c>. It reads
/// the portal's configuration keys the way the portal does (command line, environment variables such as
/// <c>Storage__DataPath</c>, <c>appsettings.json</c> in the current directory), brings the database up to date as the
/// portal's commands do, and inserts the articles, documents and albums. It does not touch the search index: that is derived data, which
/// the portal rebuilds (<c>reindex</c>, or at its next start).
/// </summary>
public static class DatasetTool
{
    public const string Usage = """
        Usage: DoJ.Portal.DatasetGenerator [--articles N] [--documents N] [--albums N] [--seed N] [--append] [--Section:Key=value ...]
          Fills the portal's database with generated Vietnamese articles, documents of the register and public photo
          albums for benchmarks (default 100000 articles, as many documents as articles, as many albums as documents,
          seed 20260401; --documents 0 or --albums 0 for none). Albums share the ten demo photos, written once into the
          uploads folder; the portal makes their variants at its next start. Refuses a database that already holds more
          than 1,000 articles, documents or albums unless --append is given.
          Configuration as the portal's: Database:Provider, ConnectionStrings:Portal, Storage:DataPath, given as
          --Storage:DataPath=/path/to/data, as environment variables (Storage__DataPath=...) or in appsettings.json
          in the current directory. A relative Storage:DataPath is taken from the current directory (default App_Data),
          as the published portal does when started in its own folder.
        """;

    public const string ReindexNote = """
        The search index was not touched: it is derived data, which the portal rebuilds. Run the portal's reindex
        command with the same settings (dotnet DoJ.Portal.Web.dll reindex), or start the portal: at start it compares
        the index's fingerprint with the published articles and rebuilds the index when they differ. A portal that was
        running meanwhile notices only when restarted.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = GenerateOptions.Parse(args);
        if (options is null || options.Help)
        {
            await output.WriteLineAsync(Usage);
            return options is null ? 2 : 0;
        }

        // Before the database: a broken phrase file fails before anything is written.
        var pools = PhrasePools.Load();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. options.Settings],
            // Where appsettings.json is read and what a relative Storage:DataPath is under: the current directory,
            // as for the published portal started in its own folder.
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // EF Core logs every command at Information; --Logging:LogLevel:Default=Information brings them back.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        // What the portal's commands do first: the migrations and the required rows, never the demo content.
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowDemoContent: false, cancellationToken);
        var code = await DatasetWriter.RunAsync(scope.ServiceProvider, options, pools, output, cancellationToken);
        if (code == 0)
        {
            await output.WriteLineAsync(ReindexNote);
        }

        return code;
    }
}
