using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>The real host (in-process test server) with the shipped workflows and catalogue, on its own data folder.</summary>
public class ReportsHost : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = LaporHostFactory.NewDataDirectory();

    protected virtual bool DemoData => false;

    /// <summary>Extra services for a test, e.g. a listener that fails on purpose.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", DataDirectory);
        builder.UseSetting("Lapor:WorkflowsDirectory", RepoWorkflows());
        // Counting tests need an empty report table; demo reports have their own test.
        builder.UseSetting("Lapor:DemoData", DemoData ? "true" : "false");
        // Without demo data the first start refuses to run until an administrator password is configured; with demo
        // data the demo password applies, whatever a developer keeps in an environment variable or user secret.
        builder.UseSetting("Lapor:Admin:Password", DemoData ? "" : LaporHostFactory.AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            AddServices(services);
        });
    }

    public static string RepoWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lapor.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("Lapor.sln not found");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        LaporHostFactory.DeleteDirectory(DataDirectory);
    }
}
