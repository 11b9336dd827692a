namespace Lapor.Host.Audit;

/// <summary>A table to export: a sheet name, column headers and rows of plain values (strings, numbers, moments).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
