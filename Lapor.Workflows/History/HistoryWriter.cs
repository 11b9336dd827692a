using System.Linq.Expressions;
using System.Reflection;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.History;

/// <summary>
/// Appends rows to one chain within the current command. The chain head's revision guards against a concurrent writer;
/// engine commands write the head here (<see cref="ChainHeadStatement"/>), the engine-wide chain through EF. The rows
/// themselves are written after <c>SaveChanges</c>, in the same transaction, by one INSERT built once per model
/// (<see cref="EngineStatement"/>, kept compiled on SQLite), because history is the bulk of every command's writes and
/// EF would build, prepare and read back each row on its own.
/// </summary>
public sealed class HistoryWriter
{
    private readonly DbContext _db;
    private readonly HistoryChainRow _head;
    private readonly List<HistoryEventRow> _pending = [];

    // The running hash of the rows appended since the last flush: one command's rows, sealed together.
    private HistorySeal? _seal;

    // True when this writer stores the head itself (engine commands); false when EF tracks it (engine-wide chain).
    private readonly bool _writesHead;
    private int? _storedRevision;

    private HistoryWriter(DbContext db, HistoryChainRow head, bool writesHead, int? storedRevision)
    {
        _db = db;
        _head = head;
        _writesHead = writesHead;
        _storedRevision = storedRevision;
    }

    public string ChainId => _head.ChainId;

    /// <summary>Opens a chain through EF: its head is tracked and saved, with its revision check, by <c>SaveChanges</c>.</summary>
    public static async Task<HistoryWriter> OpenAsync(DbContext db, string chainId, CancellationToken ct)
    {
        var head = await db.Set<HistoryChainRow>().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        if (head is null)
        {
            head = new HistoryChainRow { ChainId = chainId, LastSeq = 0, LastHash = HistoryHash.Genesis };
            db.Add(head);
        }
        return new HistoryWriter(db, head, writesHead: false, storedRevision: null);
    }

    /// <summary>
    /// Continues a chain whose head the caller has already read, or starts it when there is none. The head is left
    /// as read; <see cref="FlushAsync"/> writes the new one, checking that its revision is still the one read.
    /// </summary>
    public static HistoryWriter Continue(DbContext db, string chainId, HistoryChainRow? head) =>
        head is null
            ? StartNew(db, chainId)
            : new HistoryWriter(db, new HistoryChainRow { ChainId = head.ChainId, LastSeq = head.LastSeq, LastHash = head.LastHash, Revision = head.Revision },
                writesHead: true, storedRevision: head.Revision);

    /// <summary>A chain that cannot exist yet (a new instance's): no need to look for its head; <see cref="FlushAsync"/> inserts it.</summary>
    public static HistoryWriter StartNew(DbContext db, string chainId) =>
        new(db, new HistoryChainRow { ChainId = chainId, LastSeq = 0, LastHash = HistoryHash.Genesis }, writesHead: true, storedRevision: null);

    /// <summary>
    /// Fills in chain and sequence and moves the head on; the row is written by <see cref="FlushAsync"/>, which stores
    /// the command's hash on its last row only: every hash of a whole command, instead of two per row, was a quarter
    /// of a finished case's bytes (decision 028).
    /// </summary>
    public void Append(HistoryEventRow row)
    {
        row.ChainId = _head.ChainId;
        row.Seq = _head.LastSeq + 1;
        row.Hash = "";
        _seal ??= new HistorySeal(_head.LastHash);
        _head.LastSeq = row.Seq;
        _head.LastHash = _seal.Add(row);
        _head.Revision++;
        _pending.Add(row);
    }

    /// <summary>
    /// Writes the appended rows (and, for an engine command, the head). Call after <c>SaveChanges</c> succeeded and
    /// before the transaction commits; once the head's revision check has passed, no other writer can take the same
    /// sequence numbers.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0 && !_writesHead)
            return;
        if (_pending.Count > 0)
        {
            _pending[^1].Hash = _head.LastHash;
            _seal?.Dispose();
            _seal = null;
        }
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("History rows must be written inside the command's transaction.");
        if (_writesHead)
        {
            // The head is an engine command's only concurrency guard on its instance, so it moves on even when the
            // command wrote no history row.
            if (_pending.Count == 0)
                _head.Revision++;
            await ChainHeadStatement.For(_db).WriteAsync(transaction, _head, _storedRevision, ct);
            _storedRevision = _head.Revision;
            if (_pending.Count == 0)
                return;
        }
        var insert = HistoryInsert.For(_db);
        foreach (var row in _pending)
        {
            var values = new StatementValue[insert.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = new StatementValue(insert.Columns[i].Mapping, insert.Columns[i].Read(row));
            await EngineStatement.ExecuteAsync(transaction, insert.Sql, values, ct);
        }
        _pending.Clear();
    }

    /// <summary>The INSERT statement and column values, built once per model from EF's own mapping.</summary>
    private sealed record HistoryInsert(string Sql, IReadOnlyList<HistoryColumn> Columns)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, HistoryInsert> Cache = new();

        public static HistoryInsert For(DbContext db) => Cache.GetValue(db.Model, _ => Build(db));

        private static HistoryInsert Build(DbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(HistoryEventRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never && p.PropertyInfo is not null)
                .Select((p, i) => new HistoryColumn(p.GetColumnName(table)!, $"@p{i}", p))
                .ToList();
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                       $"VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})";
            return new HistoryInsert(text, columns);
        }
    }

    private sealed record HistoryColumn(string Name, string ParameterName, IProperty Property)
    {
        public RelationalTypeMapping Mapping { get; } = Property.GetRelationalTypeMapping();

        // Read for every column of every row, so compiled once instead of going through reflection each time.
        private readonly Func<HistoryEventRow, object?> _get = Getter(Property.PropertyInfo!);

        /// <summary>The property's value as the entity holds it.</summary>
        public object? Read(HistoryEventRow row) => _get(row);

        private static Func<HistoryEventRow, object?> Getter(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(HistoryEventRow), "row");
            var body = Expression.Convert(Expression.Property(row, property), typeof(object));
            return Expression.Lambda<Func<HistoryEventRow, object?>>(body, row).Compile();
        }
    }
}
