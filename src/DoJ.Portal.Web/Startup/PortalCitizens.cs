using DoJ.Portal.Web.Citizens;

namespace DoJ.Portal.Web.Startup;

/// <summary>What citizens send: the spam defences their forms share (<see cref="CitizenFormGuard"/>).</summary>
public static class PortalCitizens
{
    public static IServiceCollection AddPortalCitizens(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CitizenFormOptions>().Bind(configuration.GetSection(CitizenFormOptions.Section));
        services.AddSingleton<CitizenFormGuard>();
        services.AddScoped<QuestionIntake>();
        // Comments on drafts (docs/draft-comments.md).
        services.AddScoped<DraftCommentIntake>();
        services.AddScoped<Editing.DraftCommentModerator>();
        return services;
    }
}
