using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Data;

public static class PortalDataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";
    public const string SqliteMigrationsAssembly = "DoJ.Portal.Data.Sqlite";
    public const string SqlServerMigrationsAssembly = "DoJ.Portal.Data.SqlServer";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on the provider that <c>Database:Provider</c> names,
    /// with that provider's migrations assembly, plus the repositories and the initializer.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).Resolve(contentRootPath);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(database));
        services.AddSingleton(Options.Create(storage));

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddSingleton<ContentChangeRecorder>();
        // Pooled: a public page on a cache miss spent ~10 % of its CPU building options and a context
        // (EF Core's internal services) per request; the pool resets a context's state between uses.
        services.AddDbContextPool<PortalDbContext>((sp, options) =>
            Configure(options, database.Provider, connectionString, storage.DataPath).AddInterceptors(sp.GetRequiredService<ContentChangeRecorder>()));

        services.AddScoped<ArticleRepository>();
        services.AddScoped<SearchContentRepository>();
        services.AddScoped<FileTextRepository>();
        services.AddSingleton<CategoryTotals>();
        services.AddSingleton<AlbumTotals>();
        services.AddSingleton<LatestArticlesCache>();
        services.AddScoped<SiteSettingsRepository>();
        services.AddScoped<ContentRepository>();
        services.AddScoped<AttachmentRepository>();
        services.AddScoped<CounterRepository>();
        services.AddScoped<ArticleAdminRepository>();
        services.AddScoped<AuditRepository>();
        services.AddScoped<DocumentRepository>();
        services.AddScoped<VideoRepository>();
        services.AddScoped<QuestionRepository>();
        services.AddScoped<AlbumRepository>();
        services.AddScoped<AgencyRepository>();
        services.AddScoped<SitemapRepository>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoContentSeeder>();
        return services;
    }

    /// <summary>Points the options at the configured provider; shared with tests and design-time tools.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
                }

                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            default:
                options.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString(dataPath) : connectionString,
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }

        return options;
    }

    public static string DefaultSqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "portal.db"),
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = 30,
    }.ToString();
}
