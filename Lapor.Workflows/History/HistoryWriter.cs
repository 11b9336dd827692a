using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// Appends rows to one chain within the current command. The chain head is a tracked row whose revision is a
/// concurrency token: <c>SaveChanges</c> moves it on with <c>UPDATE … WHERE Revision = @read</c>, so a concurrent
/// writer of the same chain fails with <see cref="DbUpdateConcurrencyException"/> and cannot take the same sequence
/// numbers. The events are packed into one record (decision 031) and saved with the command's other changes (<see cref="IRuntimeStore.SaveAsync"/>).
/// </summary>
internal sealed class HistoryWriter
{
    private readonly DbContext _db;
    private readonly HistoryChainRow _head;
    private readonly List<HistoryEventRow> _pending = [];
    private readonly HashSet<string> _tasks = new(StringComparer.Ordinal);

    // An instance's chain head is its commands' one concurrency guard (decision 014), so it moves on even when a
    // command writes no history row; the engine-wide chain only moves when it gets a row.
    private readonly bool _guardsInstance;

    // The running hash of the rows appended since the last flush: one command's rows, sealed together.
    private HistorySeal? _seal;

    private HistoryWriter(DbContext db, HistoryChainRow head, bool guardsInstance)
    {
        _db = db;
        _head = head;
        _guardsInstance = guardsInstance;
    }

    public string ChainId => _head.ChainId;

    /// <summary>Opens a chain, reading its head (tracked) or adding it.</summary>
    public static async Task<HistoryWriter> OpenAsync(DbContext db, string chainId, CancellationToken ct)
    {
        var head = await db.Set<HistoryChainRow>().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        return head is null ? New(db, chainId, guardsInstance: false) : new HistoryWriter(db, head, guardsInstance: false);
    }

    /// <summary>Continues an instance's chain whose head the command has already read, tracked; starts it when there is none.</summary>
    internal static HistoryWriter Continue(DbContext db, string chainId, HistoryChainRow? head) =>
        head is null ? StartNew(db, chainId) : new HistoryWriter(db, head, guardsInstance: true);

    /// <summary>A chain that cannot exist yet (a new instance's): no need to look for its head.</summary>
    internal static HistoryWriter StartNew(DbContext db, string chainId) => New(db, chainId, guardsInstance: true);

    private static HistoryWriter New(DbContext db, string chainId, bool guardsInstance)
    {
        var head = new HistoryChainRow { ChainId = chainId, LastSeq = 0, LastHash = HistoryHash.Genesis };
        // The head has no navigations: marked added, without DbContext.Add's walk of its graph.
        db.Entry(head).State = EntityState.Added;
        return new HistoryWriter(db, head, guardsInstance);
    }

    /// <summary>
    /// Fills in chain and sequence and moves the head on; the events are packed and saved by <see cref="FlushAsync"/> or
    /// the engine command as one record (decision 031), whose seal the head carries.
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
        if (row is { Kind: HistoryEventKind.TaskCreated, TaskId: { } taskId } && _tasks.Add(taskId))
            _db.Entry(new HistoryTaskRow { TaskId = taskId, ChainId = _head.ChainId }).State = EntityState.Added;
    }

    /// <summary>
    /// The record of the events appended since the last call, for the caller to save; null when there were none (an
    /// instance's head moves on even then). A running instance's command gets an open record; the command that ends it
    /// packs the open records and its own events into one lasting record that replaces them (an open record left
    /// unreadable stays, for the verifier to report): packed together, a finished case's history repeats no id, name
    /// or snapshot, and takes about half the bytes of its records apart.
    /// </summary>
    internal async Task<HistoryRecord?> TakePendingAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            if (_guardsInstance)
                _head.Revision++;
            return null;
        }
        _pending[^1].Hash = _head.LastHash;
        _seal?.Dispose();
        _seal = null;
        var events = _pending.ToList();
        _pending.Clear();
        var seal = Convert.FromHexString(_head.LastHash);
        if (_guardsInstance && events.Exists(e => e.Kind == HistoryEventKind.InstanceEnded))
        {
            // The chain's last record, sealed by the head: a seal of its own would repeat the head's hash, 32 bytes
            // that can tip a finished case's record from three per page to two.
            var store = RuntimeStore.For(_db);
            var earlier = await store.OpenRecordsAsync(_db, _head.ChainId, ct);
            if (earlier.Count == 0)
                return new HistoryRecordRow { ChainId = _head.ChainId, Seq = events[0].Seq, Packed = HistoryPacking.Pack(_head.ChainId, [events]), Seal = [] };
            if (TryUnpack(earlier) is { } commands)
            {
                await store.DeleteOpenRecordsAsync(_db, _head.ChainId, ct);
                commands.Add(events);
                return new HistoryRecordRow { ChainId = _head.ChainId, Seq = earlier[0].Seq, Packed = HistoryPacking.Pack(_head.ChainId, commands), Seal = [] };
            }
        }
        var packed = HistoryPacking.Pack(_head.ChainId, [events], lasting: !_guardsInstance);
        return _guardsInstance
            ? new OpenHistoryRecordRow { ChainId = _head.ChainId, Seq = events[0].Seq, Packed = packed, Seal = seal }
            : new HistoryRecordRow { ChainId = _head.ChainId, Seq = events[0].Seq, Packed = packed, Seal = seal };
    }

    /// <summary>The records' commands, or null when one cannot be read: a damaged record is left as it is, for the verifier to report.</summary>
    private List<IReadOnlyList<HistoryEventRow>>? TryUnpack(List<OpenHistoryRecordRow> records)
    {
        var commands = new List<IReadOnlyList<HistoryEventRow>>();
        var next = records[0].Seq;
        foreach (var record in records)
        {
            if (record.Seq != next)
                return null;
            try
            {
                foreach (var command in HistoryPacking.Unpack(record))
                {
                    commands.Add(command);
                    next += command.Count;
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return commands;
    }

    /// <summary>Saves the appended events and the head, inside the caller's transaction.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var record = await TakePendingAsync(ct);
        _db.ChangeTracker.DetectChanges();
        await RuntimeStore.For(_db).SaveAsync(_db, record is null ? [] : [record], endsCommand: false, ct);
    }
}
