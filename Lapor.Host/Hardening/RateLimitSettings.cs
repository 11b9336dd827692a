namespace Lapor.Host.Hardening;

/// <summary>Request budgets per client address and per account (section <c>Lapor:RateLimits</c>); see docs/security.md.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "Lapor:RateLimits";

    /// <summary>Identity's <c>Lockout.MaxFailedAccessAttempts</c>, set in Program.cs.</summary>
    public const int LockoutThreshold = 10;

    /// <summary>Off in appsettings.Development.json: the test hosts and a developer's browser share one address.</summary>
    public bool Enabled { get; set; } = true;

    public Budget Tracking { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Similar-report suggestions per address: the submit page asks at most once per pause in typing.</summary>
    public Budget SimilarReports { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    public Budget AnonymousSubmissions { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public Budget SignedInSubmissions { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>Password checks per address, by the sign-in form and HTTP Basic together: below the lockout threshold,
    /// so one stranger's address is throttled before it can lock someone else's account.</summary>
    public Budget SignIn { get; set; } = new() { PermitLimit = 8, WindowSeconds = 300 };

    /// <summary>New citizen accounts per address.</summary>
    public Budget Registrations { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };

    /// <summary>Requests per account signed in with HTTP Basic (the engine API and metrics scrapers).</summary>
    public Budget ApiPerAccount { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public sealed class Budget
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
    }

    public static RateLimitSettings Bind(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RateLimitSettings>() ?? new RateLimitSettings();

    /// <summary>Settings the host refuses to start with, one line each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, budget) in new[] { ("Tracking", Tracking), ("AnonymousSubmissions", AnonymousSubmissions),
                     ("SignedInSubmissions", SignedInSubmissions), ("SignIn", SignIn), ("Registrations", Registrations),
                     ("ApiPerAccount", ApiPerAccount), ("SimilarReports", SimilarReports) })
        {
            if (budget.PermitLimit < 1 || budget.WindowSeconds < 1)
            {
                problems.Add($"{Section}:{name} needs PermitLimit and WindowSeconds of at least 1.");
            }
        }
        // Otherwise one address could spend an officer's whole lockout allowance and lock the officer out.
        if (SignIn.PermitLimit >= LockoutThreshold)
        {
            problems.Add($"{Section}:SignIn:PermitLimit must be below the lockout threshold ({LockoutThreshold}).");
        }
        return problems;
    }
}
