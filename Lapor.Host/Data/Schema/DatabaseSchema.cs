using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lapor.Host.Data.Schema;

/// <summary>
/// Brings the product database to the newest migration of its provider (decision 015). A database that release 1
/// made with <c>EnsureCreated</c> has every table of the first migration but no migrations history: it is recognised
/// and baselined (the first migration is recorded as applied, nothing is recreated), then later migrations run as on
/// any other database. A database that has some of release 1's tables but not all is refused untouched, because
/// guessing which schema it has could lose data.
/// </summary>
public sealed class DatabaseSchema(LaporDb db, ILogger<DatabaseSchema> log)
{
    /// <summary>Session-level PostgreSQL advisory lock key, so two hosts starting together baseline once.</summary>
    private const long BaselineLockKey = 0x4C61706F72_0015;

    public async Task<SchemaState> InspectAsync(CancellationToken ct = default)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var release1 = applied.Count == 0 ? await ReleaseOneTablesAsync(ct) : null;
        return new SchemaState(applied, pending, release1);
    }

    /// <summary>Baselines a release-1 database if this is one, then applies every pending migration. Returns what was applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BaselineLockKey})", ct);
            try
            {
                await BaselineReleaseOneAsync(ct);
            }
            finally
            {
                if (postgres)
                    await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({BaselineLockKey})", ct);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            // EF Core takes its own database lock here, so a second host waits and then finds nothing pending.
            await db.Database.MigrateAsync(ct);
            foreach (var migration in pending)
                log.LogInformation("Applied migration {Migration}", migration);
            return pending;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The SQL <see cref="MigrateAsync"/> would run on this database, without running it.</summary>
    public async Task<string> ScriptAsync(CancellationToken ct = default)
    {
        var state = await InspectAsync(ct);
        var migrator = db.GetService<IMigrator>();
        if (state.IsReleaseOne)
        {
            var baseline = db.GetService<IHistoryRepository>();
            var first = FirstMigrationId();
            return "-- Release-1 database (made by EnsureCreated): recorded as migrated to " + first + ", nothing recreated.\n"
                   + baseline.GetCreateScript() + "\n"
                   + baseline.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())) + "\n"
                   + migrator.GenerateScript(fromMigration: first);
        }
        if (state.Pending.Count == 0)
            return "-- The database is up to date; there is nothing to apply.\n";
        return migrator.GenerateScript(fromMigration: state.Applied.Count == 0 ? null : state.Applied[^1]);
    }

    private async Task BaselineReleaseOneAsync(CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        var tables = await ReleaseOneTablesAsync(ct);
        if (tables is not { Found: > 0 })
            return;
        if (tables.Missing.Count > 0)
            throw new SchemaException(
                $"The database has {tables.Found} of release 1's tables but not {string.Join(", ", tables.Missing)}, and no " +
                "migrations history: it is not a database Lapor made, or it was damaged. Nothing was changed; restore a backup " +
                "or point Lapor:DataDirectory / Lapor:Database:PostgresConnection at an empty database.");
        var first = FirstMigrationId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
        log.LogWarning("Release-1 database (made by EnsureCreated) recognised: recorded as migrated to {Migration}; no table was recreated", first);
    }

    /// <summary>Which of the first migration's tables exist, when there is no migrations history; null when there is one.</summary>
    private async Task<ReleaseOneTables?> ReleaseOneTablesAsync(CancellationToken ct)
    {
        // Asked of the catalogue directly: Npgsql's IHistoryRepository.ExistsAsync answered true for a database
        // that had no history table, and a missed baseline would try to create every table again.
        var existing = await ExistingTablesAsync(ct);
        if (existing.Contains(HistoryTable))
            return null;
        var expected = FirstMigrationTables();
        var missing = expected.Where(t => !existing.Contains(t)).Order(StringComparer.Ordinal).ToList();
        return new ReleaseOneTables(expected.Count - missing.Count, missing);
    }

    private const string HistoryTable = "__EFMigrationsHistory";

    private string FirstMigrationId() =>
        db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).First();

    /// <summary>The tables the first migration creates, read from the migration itself rather than kept as a second list.</summary>
    private IReadOnlyList<string> FirstMigrationTables()
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var migration = assembly.CreateMigration(assembly.Migrations[FirstMigrationId()], db.Database.ProviderName!);
        return migration.UpOperations.OfType<CreateTableOperation>().Select(t => t.Name).ToList();
    }

    private async Task<HashSet<string>> ExistingTablesAsync(CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                names.Add(reader.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return names;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
