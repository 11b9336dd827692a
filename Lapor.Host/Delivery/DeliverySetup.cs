using Lapor.Host.National;

namespace Lapor.Host.Delivery;

/// <summary>
/// The outbox's way out: channels, notices written with each change, and the dispatcher that sends them (its Quartz job
/// is registered by <c>SchedulingSetup</c>, with the engine's).
/// </summary>
public static class DeliverySetup
{
    public static IServiceCollection AddLaporDelivery(this IServiceCollection services, DeliverySettings settings, NationalSettings national)
    {
        services.AddSingleton(settings);
        services.AddSingleton(national);
        services.AddHttpClient(SmsGatewayChannel.ChannelName);
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, SmsGatewayChannel>();
        services.AddHttpClient(NationalChannel.ChannelName);
        services.AddSingleton<IDeliveryChannel, NationalChannel>();
        services.AddSingleton<NoticeComposer>();
        services.AddSingleton<IReportStepWriter, ReporterNotices>();
        services.AddSingleton<IReportStepWriter, NationalEvents>();
        services.AddSingleton<ReportStepInterceptor>();
        services.AddScoped<Lapor.Workflows.Listeners.IInstanceListener, StaffNotices>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<OutboxRetention>();
        return services;
    }
}
