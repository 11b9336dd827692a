namespace Lapor.Workflows.History;

/// <summary>
/// Events of one chain packed in one row (decision 031). <see cref="Seq"/> is the chain number of the first event; the
/// record's events follow it without gaps, and the next record starts after its last. <see cref="Seal"/> is the
/// chain's hash after the record's last command (<see cref="HistoryHash"/> over the unpacked events, command by
/// command, from the seal before the record). A finished instance's record is its chain's last and has no seal of its
/// own (empty): the chain head's hash seals it.
/// </summary>
internal abstract class HistoryRecord
{
    public required string ChainId { get; set; }
    public long Seq { get; set; }
    public required byte[] Packed { get; set; }
    public required byte[] Seal { get; set; }
}

/// <summary>
/// A record that stays: a finished instance's whole history, or one command of a chain that never ends (the
/// engine-wide ones). Only ever appended, so the table's pages fill densely.
/// </summary>
internal sealed class HistoryRecordRow : HistoryRecord;

/// <summary>
/// One command's record of an instance still running. When the instance ends, its open records and the last command
/// are packed into one <see cref="HistoryRecordRow"/> and deleted here; kept apart so that their deletion leaves holes
/// only in this table, whose pages are reused, not between the records that stay.
/// </summary>
internal sealed class OpenHistoryRecordRow : HistoryRecord;
