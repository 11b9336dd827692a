using System.Data.Common;

namespace Lapor.Benchmarks;

/// <summary>The journal mode and synchronous level a connection really has, read back rather than assumed.</summary>
internal sealed record SqliteState(string JournalMode, long Synchronous, long PageSize)
{
    public static async Task<SqliteState> ReadAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA page_size;";
        var pageSize = (long)(await command.ExecuteScalarAsync())!;
        return new SqliteState(journal, synchronous, pageSize);
    }

    public override string ToString() => $"journal_mode={JournalMode}, synchronous={Synchronous}, page_size={PageSize}";
}
