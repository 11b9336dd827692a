using System.Net;
using Lapor.Domain.Reports;
using Lapor.Host.Backups;
using Lapor.Host.Data;
using Lapor.Host.Infrastructure;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// <c>backup</c> copies the database of a running host with its attachments and checks the copy; <c>restore</c>
/// checks a backup before it puts it in a data folder, where a new host then serves its reports.
/// </summary>
public sealed class BackupAndRestoreTests(BackupHost fixture) : IClassFixture<BackupHost>
{
    [Fact]
    public async Task BackupWhileTheHostTakesAReport_Verifies_AndARestoredHostTracksTheReportsAndServesTheAttachment()
    {
        var file = fixture.NewPath("lapor.db");
        // One more report arrives while the copy is taken: the copy holds it or not, but verifies either way.
        var arriving = fixture.SubmitByApiAsync("Trotoar Jl. Hayam Wuruk berlubang");
        var (exit, output) = await BackupAsync(file);
        await arriving;

        Assert.True(exit == 0, output);
        Assert.Contains("history chain(s) verified", output);
        Assert.Contains(BackupLayout.Size(new FileInfo(file).Length), output);
        Assert.True(await ContainsReportAsync(file, fixture.ByApi));
        Assert.True(await ContainsReportAsync(file, fixture.WithPhoto));
        Assert.Single(Directory.GetFiles(BackupLayout.AttachmentsOf(file)));

        // Restore through Program.cs, as an operator would, into a folder no host has used.
        var restored = LaporHostFactory.NewDataDirectory();
        try
        {
            var (restoreExit, restoreOutput) = await HostCommand.RunAsync(RestoreCommand.Verb, file, $"--Lapor:DataDirectory={restored}");
            Assert.True(restoreExit == 0, restoreOutput);
            Assert.Contains("Restored", restoreOutput);

            await using var host = LaporHostFactory.On(restored);
            var tracked = await BackupHost.TrackAsync(host.BaseAddress, fixture.ByApi);
            Assert.Equal(fixture.ByApi, tracked.GetProperty("trackingCode").GetString());
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            using var download = await client.GetAsync($"/Lacak/{fixture.WithPhoto}?handler=Attachment&id={fixture.PhotoId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(BackupHost.Photo, await download.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(restored);
        }
    }

    [Fact]
    public async Task Backup_RefusesAnExistingFileUnlessForced_AndAFolderThatIsNotThere()
    {
        var file = fixture.NewPath("lapor.db");
        Assert.Equal(0, (await BackupAsync(file)).Exit);
        var written = File.GetLastWriteTimeUtc(file);

        var (again, output) = await BackupAsync(file);
        Assert.Equal(1, again);
        Assert.Contains("already exists", output);
        Assert.Contains("--force", output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));

        Assert.Equal(0, (await BackupAsync(file, "--force")).Exit);
        var (missing, missingOutput) = await BackupAsync(Path.Combine(fixture.Scratch, "tidak-ada", "lapor.db"));
        Assert.Equal(1, missing);
        Assert.Contains("does not exist", missingOutput);
    }

    [Fact]
    public async Task ABackupWithAnEditedHistoryRecord_FailsVerificationOnRestore_AndNothingIsRestored()
    {
        var file = fixture.NewPath("lapor.db");
        Assert.Equal(0, (await BackupAsync(file)).Exit);
        await using (var copy = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await copy.OpenAsync();
            await using var tamper = copy.CreateCommand();
            // Half of one chain's first record cut away, as a careless edit of its bytes would leave it.
            tamper.CommandText = "UPDATE wf_history_record SET Packed = substr(Packed, 1, length(Packed) / 2) WHERE rowid = (SELECT MIN(rowid) FROM wf_history_record WHERE Seq = 1)";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var target = fixture.NewPath("data");
        var (exit, output) = await RestoreAsync(target, file);

        Assert.Equal(1, exit);
        Assert.Contains("FAILS verification", output);
        Assert.Contains("at seq 1", output);
        Assert.False(File.Exists(BackupLayout.DatabaseIn(target)));
    }

    [Fact]
    public async Task ABackupWhoseAttachmentIsGone_IsRefusedOnRestore()
    {
        var file = fixture.NewPath("lapor.db");
        Assert.Equal(0, (await BackupAsync(file)).Exit);
        foreach (var attachment in Directory.GetFiles(BackupLayout.AttachmentsOf(file)))
            File.Delete(attachment);

        var target = fixture.NewPath("data");
        var (exit, output) = await RestoreAsync(target, file);

        Assert.Equal(1, exit);
        Assert.Contains("is missing from", output);
        Assert.False(File.Exists(BackupLayout.DatabaseIn(target)));
    }

    [Fact]
    public async Task RestoreOverADatabase_NeedsForce_AndMovesTheOldOneAsideInsteadOfDeletingIt()
    {
        var file = fixture.NewPath("lapor.db");
        Assert.Equal(0, (await BackupAsync(file)).Exit);
        var target = fixture.NewPath("data");
        Directory.CreateDirectory(BackupLayout.AttachmentsIn(target));
        await File.WriteAllTextAsync(BackupLayout.DatabaseIn(target), "the database that was there");

        var (refused, refusedOutput) = await RestoreAsync(target, file);
        Assert.Equal(1, refused);
        Assert.Contains("--force", refusedOutput);
        Assert.Equal("the database that was there", await File.ReadAllTextAsync(BackupLayout.DatabaseIn(target)));

        var (exit, output) = await RestoreAsync(target, file, "--force");
        Assert.True(exit == 0, output);
        var aside = BackupLayout.DatabaseIn(target) + ".before-restore-20260302T010000Z";
        Assert.Equal("the database that was there", await File.ReadAllTextAsync(aside));
        Assert.True(await ContainsReportAsync(BackupLayout.DatabaseIn(target), fixture.ByApi));
        Assert.Single(Directory.GetFiles(BackupLayout.AttachmentsIn(target)));
    }

    [Fact]
    public async Task OnPostgres_BackupRefuses_AndNamesThePgDumpCommandWithoutThePassword()
    {
        var services = BackupHost.CommandServices(fixture.NewPath("data"), new LaporOptions.DatabaseSettings
        {
            Provider = "Postgres", PostgresConnection = "Host=db.lapor.internal;Port=5433;Database=lapor;Username=lapor_app;Password=Rahasia#2026",
        });
        using var output = new StringWriter();

        var exit = await BackupCommand.RunAsync(services, [BackupCommand.Verb, fixture.NewPath("lapor.db")], output);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump --format=custom --file=lapor.dump --host=db.lapor.internal --port=5433 --username=lapor_app lapor", output.ToString());
        Assert.DoesNotContain("Rahasia", output.ToString());
    }

    private async Task<(int Exit, string Output)> BackupAsync(string file, params string[] options)
    {
        using var output = new StringWriter();
        var exit = await BackupCommand.RunAsync(fixture.Host.Services, [BackupCommand.Verb, file, .. options], output);
        return (exit, output.ToString());
    }

    private static async Task<(int Exit, string Output)> RestoreAsync(string dataDirectory, string file, params string[] options)
    {
        using var output = new StringWriter();
        var exit = await RestoreCommand.RunAsync(BackupHost.CommandServices(dataDirectory), [RestoreCommand.Verb, file, .. options], output);
        return (exit, output.ToString());
    }

    private static async Task<bool> ContainsReportAsync(string databaseFile, string code)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var db = new LaporDb(new DbContextOptionsBuilder<LaporDb>().UseSqlite(connection).Options);
        var trackingCode = TrackingCode.Parse(code);
        return await db.Reports.AnyAsync(r => r.TrackingCode == trackingCode);
    }
}
