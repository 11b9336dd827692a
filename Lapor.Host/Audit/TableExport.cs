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
        using var bytes = new MemoryStream();
        using (var writer = CsvWriter(bytes))
        {
            WriteCsvRow(writer, table.Columns);
            foreach (var row in table.Rows)
                WriteCsvRow(writer, row);
        }
        return bytes.ToArray();
    }

    /// <summary>UTF-8 with a byte-order mark, which lets Excel open names with diacritics correctly.</summary>
    public static StreamWriter CsvWriter(Stream output) => new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);

    /// <summary>One CSV line: header names or values, formatted and quoted as <see cref="Csv"/> does.</summary>
    public static void WriteCsvRow(TextWriter writer, IEnumerable<object?> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
                writer.Write(',');
            writer.Write(Quote(Format(value)));
            first = false;
        }
        writer.Write("\r\n");
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
