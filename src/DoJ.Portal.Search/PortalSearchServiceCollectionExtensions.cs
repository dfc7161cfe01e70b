using DoJ.Portal.Data;
using DoJ.Portal.Search.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Search;

public static class PortalSearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Search</c> and <c>FileText</c> options (the index path resolved against <c>Storage:DataPath</c>), the
    /// <see cref="SearchIndex"/> singleton, and the hosted services that prepare it at start-up and keep it
    /// following the other instances. Needs <c>AddPortalData</c> (the storage options, the repositories).
    /// </summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section))
            .PostConfigure<IOptions<StorageOptions>>((search, storage) =>
                search.IndexPath = Path.GetFullPath(string.IsNullOrWhiteSpace(search.IndexPath) ? SearchIndex.FolderName : search.IndexPath, storage.Value.DataPath));
        services.AddOptions<FileTextOptions>().Bind(configuration.GetSection(FileTextOptions.Section));
        services.AddSingleton<SearchIndex>();
        services.AddHostedService<SearchIndexStartup>();
        services.AddHostedService<SearchCatchUpService>();
        return services;
    }
}
