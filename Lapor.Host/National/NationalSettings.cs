namespace Lapor.Host.National;

/// <summary>
/// <c>Lapor:National</c>: the connector to the national SP4N-LAPOR system (docs/national-connector.md). Outbound is on
/// when <see cref="Endpoint"/> is set, inbound when <see cref="Secret"/> is set; both sign with the one secret.
/// </summary>
public sealed class NationalSettings
{
    public const string Section = "Lapor:National";

    /// <summary>Shorter secrets are guessable offline from one captured request.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Where events are POSTed; empty writes nothing to the outbox for the national system.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The shared HMAC-SHA256 key; empty turns the inbound endpoint off.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The province's BPS code, sent with every event: 51 is Bali.</summary>
    public string ProvinceId { get; set; } = "51";

    public int TimeoutSeconds { get; set; } = 20;

    public bool OutboundEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    public bool InboundEnabled => !string.IsNullOrEmpty(Secret);

    public static NationalSettings Bind(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<NationalSettings>() ?? new NationalSettings();

    /// <summary>Settings the host refuses to start with, one line each; never the secret itself.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OutboundEnabled && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
            problems.Add($"{Section}:Endpoint must be an absolute http(s) address, not '{Endpoint}'.");
        // The endpoint is shown as it is on the administrator's outbox page: it must not carry a password.
        else if (OutboundEnabled && new Uri(Endpoint).UserInfo.Length > 0)
            problems.Add($"{Section}:Endpoint must not contain a user name or password; requests are signed with {Section}:Secret.");
        if (OutboundEnabled && !InboundEnabled)
            problems.Add($"{Section}:Endpoint is set but {Section}:Secret is empty: events to the national system must be signed.");
        if (InboundEnabled && Secret.Length < MinSecretLength)
            problems.Add($"{Section}:Secret must be at least {MinSecretLength} characters long.");
        if (ProvinceId is not { Length: 2 } || !ProvinceId.All(char.IsAsciiDigit))
            problems.Add($"{Section}:ProvinceId must be the province's two-digit BPS code (51 for Bali), not '{ProvinceId}'.");
        if (TimeoutSeconds < 1)
            problems.Add($"{Section}:TimeoutSeconds must be at least 1.");
        return problems;
    }
}
