using Lapor.Host.Tests.Reports;
using Microsoft.AspNetCore.Hosting;

namespace Lapor.Host.Tests.Delivery;

/// <summary>
/// The real host with demo accounts (officers with addresses), e-mail going to a real SMTP server on loopback and SMS
/// going to a local HTTP endpoint, the dispatcher polling every second and retrying after a second.
/// </summary>
public class NoticesHost : ReportsHost
{
    public const int MaxAttempts = 3;
    public const string GatewayToken = "rahasia-gateway";

    public SmtpSink Smtp { get; } = new();

    public HttpSink Gateway { get; } = new();

    protected override bool DemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lapor:Delivery:PublicBaseUrl", "https://lapor.baliprov.example");
        builder.UseSetting("Lapor:Delivery:PollSeconds", "1");
        builder.UseSetting("Lapor:Delivery:FirstRetrySeconds", "1");
        builder.UseSetting("Lapor:Delivery:MaxRetrySeconds", "2");
        builder.UseSetting("Lapor:Delivery:MaxAttempts", MaxAttempts.ToString());
        builder.UseSetting("Lapor:Delivery:Email:Host", "127.0.0.1");
        builder.UseSetting("Lapor:Delivery:Email:Port", Smtp.Port.ToString());
        builder.UseSetting("Lapor:Delivery:Email:Security", "None");
        builder.UseSetting("Lapor:Delivery:Email:From", "lapor@baliprov.example");
        builder.UseSetting("Lapor:Delivery:Sms:Url", Gateway.Url + "/kirim");
        builder.UseSetting("Lapor:Delivery:Sms:Token", GatewayToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
