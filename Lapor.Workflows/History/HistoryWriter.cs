using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// Appends rows to one chain within the current command. The chain head is a tracked row whose revision is a
/// concurrency token: <c>SaveChanges</c> moves it on with <c>UPDATE … WHERE Revision = @read</c>, so a concurrent
/// writer of the same chain fails with <see cref="DbUpdateConcurrencyException"/> and cannot take the same sequence
/// numbers. The rows are saved with the command's other changes (<see cref="IRuntimeStore.SaveAsync"/>).
/// </summary>
internal sealed class HistoryWriter
{
    private readonly DbContext _db;
    private readonly HistoryChainRow _head;
    private readonly List<HistoryEventRow> _pending = [];

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
    /// Fills in chain and sequence and moves the head on; the row is saved by <see cref="FlushAsync"/> or the engine
    /// command, and the command's hash goes on its last row only: every hash of a whole command, instead of two per
    /// row, was a quarter of a finished case's bytes (decision 028).
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

    /// <summary>The rows appended since the last call, for the caller to save; an instance's head moves on even without any.</summary>
    internal List<HistoryEventRow> TakePending()
    {
        if (_guardsInstance && _pending.Count == 0)
            _head.Revision++;
        if (_pending.Count > 0)
        {
            _pending[^1].Hash = _head.LastHash;
            _seal?.Dispose();
            _seal = null;
        }
        var rows = _pending.ToList();
        _pending.Clear();
        return rows;
    }

    /// <summary>Saves the appended rows and the head, inside the caller's transaction.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var rows = TakePending();
        _db.ChangeTracker.DetectChanges();
        await RuntimeStore.For(_db).SaveAsync(_db, rows, endsCommand: false, ct);
    }
}
