using System.Data.Common;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.History;

/// <summary>
/// Inserts a new chain head, or moves an existing one on with the same revision check EF would make, through
/// <see cref="EngineStatement"/>: every engine command writes its head, and EF's update pipeline cost more than the
/// statement itself.
/// Built once per model from EF's own mapping.
/// </summary>
internal sealed class ChainHeadStatement
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, ChainHeadStatement> Cache = new();

    private readonly string _insert;
    private readonly string _update;
    private readonly RelationalTypeMapping _chainId;
    private readonly RelationalTypeMapping _lastSeq;
    private readonly RelationalTypeMapping _lastHash;
    private readonly RelationalTypeMapping _revision;

    private ChainHeadStatement(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(HistoryChainRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty Property(string name) => entity.FindProperty(name)!;
        string Column(string name) => sql.DelimitIdentifier(Property(name).GetColumnName(table)!);
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var (chainId, lastSeq, lastHash, revision) = (Column(nameof(HistoryChainRow.ChainId)), Column(nameof(HistoryChainRow.LastSeq)),
            Column(nameof(HistoryChainRow.LastHash)), Column(nameof(HistoryChainRow.Revision)));
        _insert = $"INSERT INTO {name} ({chainId}, {lastSeq}, {lastHash}, {revision}) VALUES (@p0, @p1, @p2, @p3)";
        _update = $"UPDATE {name} SET {lastSeq} = @p0, {lastHash} = @p1, {revision} = @p2 WHERE {chainId} = @p3 AND {revision} = @p4";
        _chainId = Property(nameof(HistoryChainRow.ChainId)).GetRelationalTypeMapping();
        _lastSeq = Property(nameof(HistoryChainRow.LastSeq)).GetRelationalTypeMapping();
        _lastHash = Property(nameof(HistoryChainRow.LastHash)).GetRelationalTypeMapping();
        _revision = Property(nameof(HistoryChainRow.Revision)).GetRelationalTypeMapping();
    }

    public static ChainHeadStatement For(DbContext db) => Cache.GetValue(db.Model, _ => new ChainHeadStatement(db));

    /// <summary>
    /// Writes <paramref name="head"/>; <paramref name="storedRevision"/> is the revision the command read, or null for a
    /// chain that does not exist yet. A head someone else moved on in the meantime is a concurrency conflict.
    /// </summary>
    public async Task WriteAsync(DbTransaction transaction, HistoryChainRow head, int? storedRevision, CancellationToken ct)
    {
        StatementValue[] values = storedRevision is { } stored
            ? [new(_lastSeq, head.LastSeq), new(_lastHash, head.LastHash), new(_revision, head.Revision), new(_chainId, head.ChainId), new(_revision, stored)]
            : [new(_chainId, head.ChainId), new(_lastSeq, head.LastSeq), new(_lastHash, head.LastHash), new(_revision, head.Revision)];
        if (await EngineStatement.ExecuteAsync(transaction, storedRevision is null ? _insert : _update, values, ct) != 1)
            throw new DbUpdateConcurrencyException($"The history chain '{head.ChainId}' was extended by another command at the same time.");
    }
}
