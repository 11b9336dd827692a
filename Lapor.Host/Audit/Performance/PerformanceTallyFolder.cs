using System.Data.Common;
using System.Globalization;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Folds the tally changes the writers added into the tallies (decision 035). Writers only ever insert changes, so two
/// of them never wait on the same counter row; this folds them in one transaction: each change is deleted exactly
/// once (<c>DELETE … RETURNING</c> takes the rows it removes, however many folders run on a shared PostgreSQL) and its
/// delta added to its tally with an upsert. The dashboard reads the tallies and the changes not yet folded, so folding
/// late changes no figure.
/// </summary>
public sealed class PerformanceTallyFolder(LaporDb db)
{
    internal const int RowsPerStatement = 150;

    /// <summary>Folds every change there is; returns how many were folded.</summary>
    public async Task<int> FoldAsync(CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sums = new Dictionary<TallyKey, int>();
            var folded = 0;
            await using (var take = Command(db, transaction,
                             """DELETE FROM performance_tally_change RETURNING "Period", "Agency", "Figure", "Value", "Delta" """))
            await using (var reader = await take.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var key = new TallyKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
                    sums[key] = sums.GetValueOrDefault(key) + reader.GetInt32(4);
                    folded++;
                }
            }
            foreach (var chunk in sums.Where(s => s.Value != 0).Chunk(RowsPerStatement))
                await UpsertAsync(db, transaction, chunk, ct);
            await transaction.CommitAsync(ct);
            return folded;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Adds <paramref name="counts"/> to the tallies in one statement, the same SQL on both providers.</summary>
    internal static async Task UpsertAsync(LaporDb db, IDbContextTransaction transaction, IReadOnlyCollection<KeyValuePair<TallyKey, int>> counts, CancellationToken ct)
    {
        var values = string.Join(", ", counts.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(@p{i}a, @p{i}b, @p{i}c, @p{i}d, @p{i}e)")));
        await using var upsert = Command(db, transaction,
            $"""
             INSERT INTO performance_tally ("Period", "Agency", "Figure", "Value", "Count") VALUES {values}
             ON CONFLICT ("Period", "Agency", "Figure", "Value") DO UPDATE SET "Count" = performance_tally."Count" + excluded."Count"
             """);
        var i = 0;
        foreach (var (key, count) in counts)
        {
            Parameter(upsert, $"@p{i}a", key.Period);
            Parameter(upsert, $"@p{i}b", key.Agency);
            Parameter(upsert, $"@p{i}c", key.Figure);
            Parameter(upsert, $"@p{i}d", key.Value);
            Parameter(upsert, $"@p{i}e", count);
            i++;
        }
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(LaporDb db, IDbContextTransaction transaction, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
