namespace Lapor.Host.Infrastructure;

/// <summary>
/// The <c>Lapor</c> section of configuration. Every default here is what the README's run command gets, except the
/// administrator's passwords: no password is a constant in code (the demo one is in appsettings.json).
/// </summary>
public sealed class LaporOptions
{
    public const string Section = "Lapor";

    /// <summary>Where the SQLite files live; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Seeds the demo administrator (and later demo reports) so a first visit shows a living system.</summary>
    public bool DemoData { get; set; } = true;

    public DatabaseSettings Database { get; set; } = new();

    /// <summary>IANA zone deadlines are counted in (WITA for Bali).</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    /// <summary>How often due engine jobs are swept up, in case a trigger was lost.</summary>
    public int SweepIntervalSeconds { get; set; } = 30;

    /// <summary>Where shipped BPMN files and holiday calendars are read from; defaults to the build output's workflows folder.</summary>
    public string? WorkflowsDirectory { get; set; }

    public AdminAccount Admin { get; set; } = new();

    public AttachmentSettings Attachments { get; set; } = new();

    public ReverseProxySettings ReverseProxy { get; set; } = new();

    public Open311Settings Open311 { get; set; } = new();

    public ExportSettings Exports { get; set; } = new();

    public sealed class ExportSettings
    {
        /// <summary>
        /// Cases read, turned into rows and written per step of a period export; progress moves per step. A step's cases
        /// and journals are what the garbage collector finds alive while a build runs, and every collection stops the
        /// host's requests while it copies them: 500 cases a step made pages answered during a build wait up to 90 ms at a
        /// million reports, 100 up to 40 ms (decision 036).
        /// </summary>
        public int CasesPerStep { get; set; } = 100;

        /// <summary>How long a finished export's file is kept for its requester to fetch.</summary>
        public int KeepHours { get; set; } = 24;
    }

    public sealed class DatabaseSettings
    {
        /// <summary><c>Sqlite</c> (default, one file) or <c>Postgres</c> (several hosts).</summary>
        public string Provider { get; set; } = "Sqlite";

        public string PostgresConnection { get; set; } = "";

        /// <summary>
        /// SQLite: each connection's own page cache, in MB (SQLite's default is 2). A connection empties it when it sees
        /// that another has written, so it helps pages that read the same rows several times per request (the inbox).
        /// </summary>
        public int SqliteCacheMegabytes { get; set; } = 16;
    }

    public sealed class AttachmentSettings
    {
        /// <summary>
        /// <c>Files</c> (a folder under <see cref="DataDirectory"/>) or <c>Database</c> (a table, shared by every host);
        /// empty means Files on SQLite and Database on PostgreSQL.
        /// </summary>
        public string? Store { get; set; }
    }

    public sealed class Open311Settings
    {
        /// <summary>
        /// Keys that may file reports through <c>POST /open311/v2/requests</c>, one per partner application. Empty (the
        /// default): Open311 is read-only.
        /// </summary>
        public List<string> ApiKeys { get; set; } = [];
    }

    public sealed class ReverseProxySettings
    {
        /// <summary>
        /// Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty (the default): the
        /// headers are ignored, since anyone could send them to a host that is reached directly.
        /// </summary>
        public List<string> KnownProxies { get; set; } = [];
    }

    /// <summary>The first administrator, created on a database that has none (see <c>AdministratorAccount</c>).</summary>
    public sealed class AdminAccount
    {
        public string UserName { get; set; } = "admin";

        /// <summary>
        /// Never a default in code: set by the operator (environment variable <c>Lapor__Admin__Password</c> or user
        /// secrets) and required on a first start with demo data off. Unused once an administrator exists.
        /// </summary>
        public string Password { get; set; } = "";

        /// <summary>The README's published demo password (appsettings.json); used only with demo data on and no <see cref="Password"/>.</summary>
        public string DemoPassword { get; set; } = "";
    }
}
