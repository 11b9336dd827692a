namespace Lapor.Host.Localization;

/// <summary>What the citizen portal needs to speak two languages and show times in the province's zone.</summary>
public static class PortalLocalization
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(PortalCultures.Configure);
        services.AddSingleton<DateDisplay>();
        services.AddScoped<ProcessStages>();
        return services;
    }
}
