namespace Lapor.Workflows.Queries;

/// <summary>
/// A position in a time-ordered history list: the item's time and its history row id, which breaks ties between items
/// written in one command (they share a timestamp). Every item such a list returns carries its own cursor.
/// </summary>
public sealed record HistoryCursor(DateTime Time, long Id);
