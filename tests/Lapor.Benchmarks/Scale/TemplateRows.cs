using System.Data.Common;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// Every row one template case owns, table by table in insert order (parents before children): the report and its
/// timeline, the process instance with its executions, tasks, candidates, variables, timers, message subscriptions,
/// and its history (chain head, records, open records, task index).
/// </summary>
public sealed class TemplateRows
{
    /// <summary>Table and the rows' filter; @r is the report id, @i the instance id, @b the instance id as history's 16-byte chain id.</summary>
    public static readonly (string Table, string Where)[] Sources =
    [
        ("report", "\"Id\" = @r"),
        ("report_timeline", "\"ReportId\" = @r"),
        ("wf_process_instance", "\"Id\" = @i"),
        ("wf_execution", "\"InstanceId\" = @i"),
        ("wf_task", "\"InstanceId\" = @i"),
        ("wf_task_candidate", "\"TaskId\" IN (SELECT \"Id\" FROM wf_task WHERE \"InstanceId\" = @i)"),
        ("wf_variable", "\"InstanceId\" = @i"),
        ("wf_job", "\"InstanceId\" = @i"),
        ("wf_message_subscription", "\"InstanceId\" = @i"),
        ("wf_history_chain", "\"ChainId\" = @i"),
        ("wf_history_record", "\"ChainId\" = @b"),
        ("wf_history_open", "\"ChainId\" = @b"),
        ("wf_history_task", "\"ChainId\" = @b"),
    ];

    private TemplateRows(CaseTemplate template, List<TableRows> tables)
    {
        Template = template;
        Tables = tables;
    }

    public CaseTemplate Template { get; }

    public IReadOnlyList<TableRows> Tables { get; }

    public int RowCount => Tables.Sum(t => t.Rows.Count);

    public string Category => (string)Value("report", "CategoryCode")!;

    /// <summary>
    /// The agencies the case passed through, in order (first disposition first): what the filler replaces with drawn
    /// ones. The coordinator's and the Ombudsman's groups stay.
    /// </summary>
    public IReadOnlyList<string> Agencies()
    {
        var found = new List<string>();
        foreach (var (table, column) in new[] { ("report_timeline", "AgencyCode"), ("report", "ResponsibleAgencyCode"), ("report", "TargetAgencyCode"), ("wf_task_candidate", "Value") })
        {
            var rows = Tables.Single(t => t.Table == table);
            var at = Array.IndexOf(rows.Columns, column);
            foreach (var row in rows.Rows)
                if (row[at] is string code && code.Replace("-supervisor", "") is var agency && agency is not ("inspektorat" or "ombudsman" or "ombudsman-bali") && !found.Contains(agency))
                    found.Add(agency);
        }
        return found;
    }

    /// <summary>The template's first and last event (times up to <paramref name="now"/>; later ones are due dates).</summary>
    public (DateTime First, DateTime Last) EventSpan(DateTime now)
    {
        var times = Tables.SelectMany(t => t.Rows).SelectMany(r => r)
            .Select(v => v switch
            {
                DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
                DateTimeOffset d => d.UtcDateTime,
                string s when CaseClone.DateText().IsMatch(s) => CaseClone.Parse(s),
                _ => (DateTime?)null,
            })
            .OfType<DateTime>().Where(d => d <= now).ToList();
        return (times.Min(), times.Max());
    }

    private object? Value(string table, string column)
    {
        var rows = Tables.Single(t => t.Table == table);
        return rows.Rows[0][Array.IndexOf(rows.Columns, column)];
    }

    /// <param name="writable">Per table, the columns an INSERT may name (no generated or identity columns).</param>
    public static async Task<TemplateRows> ReadAsync(DbConnection connection, CaseTemplate template, IReadOnlyDictionary<string, string[]> writable)
    {
        var tables = new List<TableRows>();
        var chain = Guid.Parse(template.InstanceId.ToString()!).ToByteArray(bigEndian: true);
        foreach (var (table, where) in Sources)
        {
            var columns = writable[table];
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM {table} WHERE {where}";
            Add(command, "@r", template.ReportId);
            Add(command, "@i", template.InstanceId);
            Add(command, "@b", chain);
            var rows = new List<object[]>();
            var types = new string[columns.Length];
            await using var reader = await command.ExecuteReaderAsync();
            for (var i = 0; i < columns.Length; i++)
                types[i] = reader.GetDataTypeName(i);
            while (await reader.ReadAsync())
            {
                var row = new object[columns.Length];
                reader.GetValues(row);
                rows.Add(row);
            }
            tables.Add(new TableRows(table, columns, types, rows));
        }
        return new TemplateRows(template, tables);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        if (!command.CommandText.Contains(name, StringComparison.Ordinal))
            return;
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <param name="Types">The provider's type name per column, for PostgreSQL's binary COPY.</param>
public sealed record TableRows(string Table, string[] Columns, string[] Types, List<object[]> Rows);
