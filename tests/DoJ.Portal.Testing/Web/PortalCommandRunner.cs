using DoJ.Portal.Data;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace DoJ.Portal.Testing.Web;

/// <summary>Runs a command as <c>dotnet DoJ.Portal.Web.dll &lt;command&gt;</c> would, on an app built like Program.cs builds it.</summary>
public static class PortalCommandRunner
{
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortalLogging();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddPortalIdentity(plainHttp: false);
        builder.Services.AddPortalSecurity(builder.Configuration);
        builder.Services.AddPortalMvc(builder.Configuration);
        await using var app = builder.Build();
        var output = new StringWriter();
        var code = await PortalCommands.RunAsync(app, args, TextReader.Null, output);
        return (code, output.ToString());
    }

    /// <summary>A command on SQLite (or SQL Server, never reached) in <paramref name="dataPath"/>, without log files.</summary>
    public static Task<(int Code, string Output)> RunAsync(string dataPath, string provider, params string[] args) =>
        RunAsync(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"{StorageOptions.Section}:DataPath"] = dataPath,
            [$"{DatabaseOptions.Section}:Provider"] = provider,
            ["ConnectionStrings:Portal"] = provider == nameof(DatabaseProvider.SqlServer) ? "Server=unused;Database=DoJPortal" : null,
            ["Serilog:File:Enabled"] = "false",
        }, args);
}
