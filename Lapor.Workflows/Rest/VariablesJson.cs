using System.Text.Json;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Rest;

/// <summary>Camunda's typed variables, <c>{"name": {"value": 5, "type": "Integer", "valueInfo": {}}}</c>, in and out.</summary>
internal static class VariablesJson
{
    /// <summary>One variable as Camunda writes it.</summary>
    public sealed record VariableValueDto(object? Value, string Type, IReadOnlyDictionary<string, object?> ValueInfo);

    private static readonly IReadOnlyDictionary<string, object?> NoValueInfo = new Dictionary<string, object?>();

    /// <summary>Reads a variables map; a bad entry is a 400 naming the variable (the engine's message does).</summary>
    public static IReadOnlyDictionary<string, TypedValue> Read(IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var result = new Dictionary<string, TypedValue>(StringComparer.Ordinal);
        if (variables is null)
            return result;
        foreach (var (name, entry) in variables)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new WorkflowException("A variable name cannot be empty.", "InvalidRequestException");
            if (entry.ValueKind != JsonValueKind.Object)
                throw new WorkflowException($"Variable '{name}' must be an object such as {{\"value\": \"text\", \"type\": \"String\"}}.", "InvalidRequestException");
            var type = entry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var value = entry.TryGetProperty("value", out var v) ? v : default;
            result[name] = TypedValue.FromJson(value, type, name);
        }
        return result;
    }

    public static VariableValueDto Write(TypedValue value) => new(value.Value switch
    {
        DateTimeOffset date => CamundaDate.Format(date),
        var other => other,
    }, value.Type, NoValueInfo);

    public static VariableValueDto Write(string type, string? stored) => Write(TypedValue.Deserialize(type, stored));

    public static Dictionary<string, VariableValueDto> Write(IEnumerable<VariableRow> rows) =>
        rows.OrderBy(r => r.Name, StringComparer.Ordinal).ToDictionary(r => r.Name, r => Write(r.Type, r.Value), StringComparer.Ordinal);

    /// <summary>
    /// The instance's variables after a command. An instance the command ended has no runtime variables any more
    /// (decision 030), so its last values come from history, as Camunda returns them from the ended execution.
    /// </summary>
    public static async Task<Dictionary<string, VariableValueDto>> OfInstanceAsync(DbContext db, string instanceId, CancellationToken ct)
    {
        var rows = await db.Set<VariableRow>().AsNoTracking().Where(v => v.InstanceId == instanceId).ToListAsync(ct);
        if (rows.Count > 0 || !await db.Set<ProcessInstanceRow>().AnyAsync(i => i.Id == instanceId && i.Status != InstanceStatus.Active, ct))
            return Write(rows);
        var last = await new HistoryQuery(db).VariablesAsync(new HistoricVariableFilter { InstanceId = instanceId }, ct: ct);
        return last.OrderBy(v => v.Name, StringComparer.Ordinal).ToDictionary(v => v.Name, v => Write(v.Type, v.StoredValue), StringComparer.Ordinal);
    }
}
