using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Reports;
using Lapor.Host.Tests.Support;
using Lapor.Host.Tests.Upgrade;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>
/// The real host on a database release 1 left (the SQLite data folder, or the PostgreSQL dump restored into a
/// throw-away cluster), so its reports predate the search index the SimilarReports migration builds. Tests add their
/// own reports with words nobody else uses.
/// </summary>
public abstract class SearchHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresServer? _postgres;
    private string _postgresConnection = "";

    public string DataDirectory { get; } = ReleaseOneFolder.Copy();

    public abstract bool OnPostgres { get; }

    /// <summary>Reports submitted before this moment are release 1's, which only the migration can have indexed.</summary>
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    public sealed class OnSqlite : SearchHost
    {
        public override bool OnPostgres => false;
    }

    public sealed class OnPostgresql : SearchHost
    {
        public override bool OnPostgres => true;
    }

    public async Task InitializeAsync()
    {
        if (!OnPostgres)
            return;
        _postgres = new PostgresServer();
        await _postgres.StartAsync();
        _postgresConnection = await _postgres.NewDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(_postgresConnection).Database!;
        await _postgres.RunSqlFileAsync(database, Path.Combine(ReleaseOneFolder.Source, "postgres.sql"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", DataDirectory);
        builder.UseSetting("Lapor:WorkflowsDirectory", ReportsHost.RepoWorkflows());
        builder.UseSetting("Lapor:DemoData", "false");
        builder.UseSetting("Lapor:Admin:Password", LaporHostFactory.AdminPassword);
        builder.UseSetting("Lapor:Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Lapor:Database:PostgresConnection", _postgresConnection);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task<string> SubmitAsync(string title, string description, string category = "jalan", bool confidential = false,
        double? latitude = null, double? longitude = null, string? location = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = title, Description = description, CategoryCode = category, IsConfidential = confidential,
            Latitude = latitude, Longitude = longitude, Location = location,
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Made Sudarta", "made.sudarta@example.com", null).Value!, []);
        return intake.Report?.TrackingCode.ToString() ?? throw new InvalidOperationException(string.Join("; ", intake.Errors));
    }

    public async Task CloseAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var report = await db.Reports.SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
        Assert.Empty(report.Close(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>The tracking codes <c>/api/reports/similar</c> answers with, best first.</summary>
    public async Task<List<string>> SimilarAsync(string query)
    {
        using var client = CreateClient();
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/reports/similar?" + query);
        return answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingCode").GetString()!).ToList();
    }

    public async Task<T> InScopeAsync<T>(Func<LaporDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LaporDb>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        LaporHostFactory.DeleteDirectory(DataDirectory);
    }
}
