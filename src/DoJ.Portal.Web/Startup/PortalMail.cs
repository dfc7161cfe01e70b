using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Mail;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Privacy;

namespace DoJ.Portal.Web.Startup;

/// <summary>Outgoing mail (<see cref="MailSender"/>), jobs run once across instances (<see cref="JobLeases"/>) and personal-data retention.</summary>
public static class PortalMail
{
    public static IServiceCollection AddPortalMailAndPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section));
        services.AddScoped<OutgoingMailRepository>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        services.AddSingleton<LeaseHolder>();
        services.AddScoped<JobLeases>();
        services.AddScoped<PersonalDataRetention>();
        services.AddScoped<PersonalDataErasure>();
        services.AddHostedService<RetentionSchedule>();
        return services;
    }
}
