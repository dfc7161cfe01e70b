using DoJ.Portal.Web.Files;

namespace DoJ.Portal.Web.Startup;

/// <summary>Document uploads: their limits, the store on disk and the attachment lists of articles, pages and the register.</summary>
public static class PortalFiles
{
    public static IServiceCollection AddPortalFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileUploadOptions>().Bind(configuration.GetSection(FileUploadOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Files:MaxUploadBytes must be positive.");
        services.AddOptions<Videos.VideoOptions>().Bind(configuration.GetSection(Videos.VideoOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Video:MaxUploadBytes must be positive.");
        services.AddSingleton<FileStore>();
        services.AddScoped<AttachmentListEditor>();
        return services;
    }
}
