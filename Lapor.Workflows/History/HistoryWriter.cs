using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>Appends rows to one chain within the current command; the chain head is updated in the same transaction.</summary>
public sealed class HistoryWriter
{
    private readonly DbContext _db;
    private readonly HistoryChainRow _head;

    private HistoryWriter(DbContext db, HistoryChainRow head)
    {
        _db = db;
        _head = head;
    }

    public string ChainId => _head.ChainId;

    public static async Task<HistoryWriter> OpenAsync(DbContext db, string chainId, CancellationToken ct)
    {
        var head = await db.Set<HistoryChainRow>().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        if (head is null)
        {
            head = new HistoryChainRow { ChainId = chainId, LastSeq = 0, LastHash = HistoryHash.Genesis };
            db.Add(head);
        }
        return new HistoryWriter(db, head);
    }

    /// <summary>A chain that cannot exist yet (a new instance's): no need to look for its head.</summary>
    public static HistoryWriter StartNew(DbContext db, string chainId)
    {
        var head = new HistoryChainRow { ChainId = chainId, LastSeq = 0, LastHash = HistoryHash.Genesis };
        db.Add(head);
        return new HistoryWriter(db, head);
    }

    /// <summary>Fills in chain, sequence and hashes, then adds the row to the context.</summary>
    public void Append(HistoryEventRow row)
    {
        row.ChainId = _head.ChainId;
        row.Seq = _head.LastSeq + 1;
        row.PrevHash = _head.LastHash;
        row.Hash = HistoryHash.Compute(row);
        _head.LastSeq = row.Seq;
        _head.LastHash = row.Hash;
        _head.Revision++;
        _db.Add(row);
    }
}
