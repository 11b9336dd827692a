using Lapor.Host.Data;
using Lapor.Host.Data.Schema;
using Lapor.Host.Tests.Support;
using Lapor.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>The migrations of both providers against the model and against the database release 1 made.</summary>
public sealed class MigrationsTests
{
    // The CI check of decision 015: a model change without a migration for each provider fails here.
    [Fact]
    public void TheSqliteModel_HasNoChangesWithoutAMigration()
    {
        using var db = new LaporSqliteDb(new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run `dotnet ef migrations add <Name> --project Lapor.Host --context LaporSqliteDb --output-dir Data/Migrations/Sqlite` (decision 015).");
    }

    [Fact]
    public void ThePostgresModel_HasNoChangesWithoutAMigration()
    {
        using var db = new LaporPostgresDb(new DbContextOptionsBuilder<LaporPostgresDb>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: run `dotnet ef migrations add <Name> --project Lapor.Host --context LaporPostgresDb --output-dir Data/Migrations/Postgres` (decision 015).");
    }

    [Fact]
    public async Task TheFirstMigration_BuildsExactlyTheSchemaReleaseOneMade()
    {
        var folder = LaporHostFactory.NewDataDirectory();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            await using (var db = Sqlite(file))
                await db.Database.MigrateAsync(db.Database.GetMigrations().First());
            Assert.Equal(ReleaseOneFolder.Schema(Path.Combine(ReleaseOneFolder.Source, "lapor.db")), ReleaseOneFolder.Schema(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    [Fact]
    public async Task ADatabaseWithOnlySomeOfReleaseOnesTables_IsRefusedAndLeftAlone()
    {
        var folder = LaporHostFactory.NewDataDirectory();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            await using (var setup = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await setup.OpenAsync();
                await using var create = setup.CreateCommand();
                create.CommandText = "CREATE TABLE report (Id INTEGER PRIMARY KEY, TrackingCode TEXT); INSERT INTO report (TrackingCode) VALUES ('LPR-KEEP-THIS-01');";
                await create.ExecuteNonQueryAsync();
            }
            var before = await File.ReadAllBytesAsync(file);

            await using var db = Sqlite(file);
            var refused = await Assert.ThrowsAsync<SchemaException>(() => new DatabaseSchema(db, NullLogger<DatabaseSchema>.Instance).MigrateAsync());
            Assert.Contains("wf_process_instance", refused.Message);
            Assert.Contains("Nothing was changed", refused.Message);
            SqliteConnection.ClearAllPools();
            Assert.Equal(before, await File.ReadAllBytesAsync(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    [Fact]
    public async Task TheScriptForAReleaseOneDatabase_RecordsTheBaseline_AndChangesNothing()
    {
        var folder = ReleaseOneFolder.Copy();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            var before = await File.ReadAllBytesAsync(file);
            string script;
            await using (var db = Sqlite(file))
                script = await new DatabaseSchema(db, NullLogger<DatabaseSchema>.Instance).ScriptAsync();
            Assert.Contains("Release-1 database", script);
            Assert.Contains("INSERT INTO \"__EFMigrationsHistory\"", script);
            Assert.DoesNotContain("CREATE TABLE \"report\"", script);
            SqliteConnection.ClearAllPools();
            Assert.Equal(before, await File.ReadAllBytesAsync(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    private static LaporSqliteDb Sqlite(string file) =>
        new(new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite($"Data Source={file}").Options);
}
