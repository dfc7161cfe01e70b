using DoJ.Portal.Data;
using DoJ.Portal.Web.Operations;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// Serilog: levels and console from the <c>Serilog</c> section, plus a daily rolling file under
/// <c>{Storage:DataPath}/logs</c>. Request logging records method, path, status and time — never
/// the client's address, which is personal data (docs/visit-counter.md, "Privacy"). Control characters
/// in logged values are replaced, so a crafted request cannot forge lines in a text log.
/// </summary>
public static class PortalLogging
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var dataPath = Path.GetFullPath(
            builder.Configuration[$"{StorageOptions.Section}:DataPath"] ?? StorageOptions.DefaultFolder,
            builder.Environment.ContentRootPath);
        var fileEnabled = builder.Configuration.GetValue("Serilog:File:Enabled", true);
        var retained = builder.Configuration.GetValue("Serilog:File:RetainedFileCountLimit", 31);

        // Each host keeps its own logger (preserveStaticLogger): several hosts in one process — the tests —
        // must not write into each other's files through the static Log.Logger.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            // ReadFrom.Services: sinks registered as services join in (the tests capture events this way).
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services)
                .Enrich.FromLogContext().Enrich.With<ControlCharacterGuard>();
            if (fileEnabled)
            {
                logger.WriteTo.File(
                    Path.Combine(dataPath, "logs", "portal-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: retained,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
        return builder;
    }

    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Health probes every few seconds would drown the log.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }
}

