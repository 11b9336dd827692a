namespace Lapor.Workflows.History;

/// <summary>
/// The events of one engine command, or of every command of a finished instance, packed in one row (decision 031).
/// <see cref="Seq"/> is the chain number of the first event; the record's events follow it without gaps, and the next
/// record starts after its last. <see cref="Seal"/> is the chain's hash after the record's last command
/// (<see cref="HistoryHash"/> over the unpacked events, command by command, from the seal before the record).
/// </summary>
internal sealed class HistoryRecordRow
{
    public required string ChainId { get; set; }
    public long Seq { get; set; }
    public required byte[] Packed { get; set; }
    public required byte[] Seal { get; set; }
}
