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
        // A look without a transaction first: an idle site folds nothing and should not queue for the writer's turn.
        if (!await db.Set<PerformanceTallyChange>().AnyAsync(ct))
            return 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sums = new Dictionary<TallyKey, int>();
            var folded = 0;
            await using (var take = RawCommand.Create(db,
                             """DELETE FROM performance_tally_change RETURNING "Period", "Agency", "Figure", "Value", "Delta" """, transaction))
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
        await using var upsert = RawCommand.Create(db,
            $"""
             INSERT INTO performance_tally ("Period", "Agency", "Figure", "Value", "Count") VALUES {values}
             ON CONFLICT ("Period", "Agency", "Figure", "Value") DO UPDATE SET "Count" = performance_tally."Count" + excluded."Count"
             """, transaction);
        var i = 0;
        foreach (var (key, count) in counts)
        {
            upsert.With($"@p{i}a", key.Period).With($"@p{i}b", key.Agency).With($"@p{i}c", key.Figure).With($"@p{i}d", key.Value).With($"@p{i}e", count);
            i++;
        }
        await upsert.ExecuteNonQueryAsync(ct);
    }
}
