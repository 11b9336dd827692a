using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Support;
using Lapor.Workflows.Listeners;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// The real host on a given database provider and attachment store, with the shipped process. Its engine listener can
/// be armed to refuse, so a submission fails after its files were saved (the store itself is untouched).
/// </summary>
public abstract class AttachmentHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresServer? _postgres;
    private string _postgresConnection = "";

    public string DataDirectory { get; } = LaporHostFactory.NewDataDirectory();

    public string Folder => Path.Combine(DataDirectory, FileAttachmentStore.FolderName);

    public abstract bool OnPostgres { get; }

    public abstract bool InDatabase { get; }

    public ProcessRefusal Refusal => Services.GetRequiredService<ProcessRefusal>();

    public sealed class FolderOnSqlite : AttachmentHost
    {
        public override bool OnPostgres => false;
        public override bool InDatabase => false;
    }

    public sealed class DatabaseOnSqlite : AttachmentHost
    {
        public override bool OnPostgres => false;
        public override bool InDatabase => true;
    }

    public sealed class DatabaseOnPostgres : AttachmentHost
    {
        public override bool OnPostgres => true;
        public override bool InDatabase => true;
    }

    public async Task InitializeAsync()
    {
        if (!OnPostgres)
            return;
        _postgres = new PostgresServer();
        await _postgres.StartAsync();
        _postgresConnection = await _postgres.NewDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", DataDirectory);
        builder.UseSetting("Lapor:WorkflowsDirectory", ReportsHost.RepoWorkflows());
        builder.UseSetting("Lapor:DemoData", "false");
        builder.UseSetting("Lapor:Admin:Password", LaporHostFactory.AdminPassword);
        builder.UseSetting("Lapor:Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Lapor:Database:PostgresConnection", _postgresConnection);
        // Said explicitly even where it is the provider's default, so each class tests the store it names.
        builder.UseSetting("Lapor:Attachments:Store", InDatabase ? "Database" : "Files");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics", "None");
        builder.ConfigureServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton(new ProcessRefusal(Folder));
            services.AddScoped<IInstanceListener, ProcessRefusal.Listener>();
        });
    }

    /// <summary>Attachment content kept under any name: rows of the table and files of the folder.</summary>
    public async Task<(List<string> Rows, List<string> Files)> StoredContentAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var rows = await db.AttachmentContents.Select(c => c.StoredName).ToListAsync();
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)).ToList() : [];
        return (rows, files);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        LaporHostFactory.DeleteDirectory(DataDirectory);
    }

    /// <summary>
    /// While armed, the engine's listener refuses the next process start, as a failing downstream step would; it first
    /// notes what the store held at that moment, which proves the files were saved before the failure.
    /// </summary>
    public sealed class ProcessRefusal(string folder)
    {
        public string Folder => folder;

        public bool Armed { get; set; }

        public (int Rows, int Files)? SeenAtRefusal { get; private set; }

        public sealed class Listener(ProcessRefusal refusal, LaporDb db) : IInstanceListener
        {
            public async Task OnChangedAsync(InstanceChange change, CancellationToken ct)
            {
                if (!refusal.Armed)
                    return;
                refusal.Armed = false;
                // The same context, so the same connection and transaction: rows written in it are visible here.
                var rows = await db.AttachmentContents.CountAsync(ct);
                var files = Directory.Exists(refusal.Folder) ? Directory.GetFiles(refusal.Folder).Length : 0;
                refusal.SeenAtRefusal = (rows, files);
                throw new InvalidOperationException("process store down");
            }
        }
    }
}
