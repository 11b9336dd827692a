namespace Lapor.Host.Delivery;

/// <summary>
/// <c>Lapor:Delivery</c>: how the outbox is sent. A channel without its address (SMTP host, gateway URL) is off, and
/// nothing is written to the outbox for it, so switching a channel on later does not send months-old notices.
/// </summary>
public sealed class DeliverySettings
{
    public const string Section = "Lapor:Delivery";

    /// <summary>The address citizens reach the portal at, for links in notices (tracking page, unsubscribe).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How long a host holds a message it is sending before another host may take it over.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts before a message is marked dead; the administrator's page can retry it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Messages one round sends at most; the next round follows after <see cref="PollSeconds"/>.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Days a delivered message is kept (for the administrator's questions) before it is deleted; 0 keeps them all.</summary>
    public int KeepSentDays { get; set; } = 90;

    public EmailSettings Email { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    public sealed class EmailSettings
    {
        /// <summary>SMTP server; empty turns e-mail off.</summary>
        public string Host { get; set; } = "";

        public int Port { get; set; } = 25;

        /// <summary><c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
        public string Security { get; set; } = "StartTlsWhenAvailable";

        public string UserName { get; set; } = "";

        public string Password { get; set; } = "";

        public string From { get; set; } = "lapor@localhost";

        public string FromName { get; set; } = "Lapor";

        public int TimeoutSeconds { get; set; } = 20;

        public bool Enabled => !string.IsNullOrWhiteSpace(Host);
    }

    public sealed class SmsSettings
    {
        /// <summary>The provider's HTTP endpoint (SMS or WhatsApp); empty turns the channel off.</summary>
        public string Url { get; set; } = "";

        /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
        public string Token { get; set; } = "";

        /// <summary>The request body; <c>{to}</c>, <c>{text}</c> and <c>{id}</c> are replaced, JSON-escaped when the
        /// content type is JSON.</summary>
        public string BodyTemplate { get; set; } = "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{id}\"}";

        public string ContentType { get; set; } = "application/json";

        public int TimeoutSeconds { get; set; } = 20;

        public bool Enabled => !string.IsNullOrWhiteSpace(Url);
    }

    public static DeliverySettings Bind(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DeliverySettings>() ?? new DeliverySettings();

    /// <summary>Settings the host refuses to start with, one line each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            problems.Add($"{Section}:PublicBaseUrl must be an absolute http(s) address, not '{PublicBaseUrl}'.");
        foreach (var (name, value) in new[] { ("PollSeconds", PollSeconds), ("LeaseSeconds", LeaseSeconds), ("MaxAttempts", MaxAttempts),
                     ("FirstRetrySeconds", FirstRetrySeconds), ("MaxRetrySeconds", MaxRetrySeconds), ("BatchSize", BatchSize),
                     ("Email:TimeoutSeconds", Email.TimeoutSeconds), ("Sms:TimeoutSeconds", Sms.TimeoutSeconds) })
        {
            if (value < 1)
                problems.Add($"{Section}:{name} must be at least 1.");
        }
        if (KeepSentDays < 0)
            problems.Add($"{Section}:KeepSentDays must be 0 (keep every sent message) or more.");
        if (Email.Enabled && Email.Port is < 1 or > 65535)
            problems.Add($"{Section}:Email:Port must be between 1 and 65535.");
        if (Email.Enabled && !Enum.TryParse<MailKit.Security.SecureSocketOptions>(Email.Security, ignoreCase: true, out _))
            problems.Add($"{Section}:Email:Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.");
        if (Email.Enabled && !MimeKit.MailboxAddress.TryParse(Email.From, out _))
            problems.Add($"{Section}:Email:From is not an e-mail address: '{Email.From}'.");
        if (Sms.Enabled && (!Uri.TryCreate(Sms.Url, UriKind.Absolute, out var sms) || sms.Scheme is not ("http" or "https")))
            problems.Add($"{Section}:Sms:Url must be an absolute http(s) address, not '{Sms.Url}'.");
        return problems;
    }
}
