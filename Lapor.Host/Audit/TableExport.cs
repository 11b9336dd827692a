using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Lapor.Host.Audit;

/// <summary>
/// Writes named tables (the same columns and values) as CSV or as one XLSX workbook with a sheet per table. CSV has
/// one table only; numbers use the invariant culture so a spreadsheet in any locale reads them back.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(ExportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(',', row.Select(v => Quote(Format(v)))).Append("\r\n");
        // A byte-order mark lets Excel open UTF-8 (names with diacritics) correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(params ExportTable[] tables)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
            sheets[table.Name] = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < table.Columns.Count; i++)
                    cells[table.Columns[i]] = row[i] is DateTimeOffset moment ? moment.UtcDateTime : row[i];
                return (IDictionary<string, object?>)cells;
            }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset moment => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Quotes every field that needs it, and neutralises a leading = + - @ so a spreadsheet never runs a cell as a formula.
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
