using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Audit.Viewer;

/// <summary>
/// Reconstructs an instance for the viewer from the engine's history only (plus its open incidents): the definition
/// version it is pinned to, per-node counts, the flows taken and a journal of every row. Reads, never writes.
/// </summary>
public sealed class InstanceViews(HistoryQuery history)
{
    public async Task<InstanceView?> LoadAsync(string instanceId, CancellationToken ct = default)
    {
        var rows = (await history.JournalAsync(instanceId, ct: ct)).ToList();
        var instance = await history.InstanceAsync(instanceId, ct);
        var definitionId = instance?.DefinitionId ?? rows.FirstOrDefault(r => r.DefinitionId is not null)?.DefinitionId;
        if (definitionId is null)
            return null;
        var definition = await history.DiagramAsync(definitionId, ct);
        if (definition is null)
            return null;
        var openIncidents = await history.OpenIncidentsAsync(instanceId, ct);
        var diagram = DiagramFacts.Parse(definition.Xml);

        var nodes = rows.Where(r => r.Kind == HistoryEventKind.ActivityStarted && r.ActivityId is not null)
            .GroupBy(r => r.ActivityId!).ToDictionary(g => g.Key, g =>
            {
                var ends = rows.Where(r => r.Kind == HistoryEventKind.ActivityEnded && r.ActivityId == g.Key).ToList();
                var canceled = ends.Count(e => e.Value == ActivityEndings.Canceled);
                return new NodeCounts(g.Count(), ends.Count - canceled, g.Count() - ends.Count, canceled);
            });
        var incidents = openIncidents.Select(i => new IncidentMark(i.ActivityId, i.Message, true))
            .Concat(rows.Where(r => r.Kind == HistoryEventKind.IncidentRaised && r.ActivityId is not null && openIncidents.All(o => o.ActivityInstanceId != r.ActivityInstanceId))
                .Select(r => new IncidentMark(r.ActivityId!, r.Value ?? "", false)))
            .ToList();

        return new InstanceView(
            instanceId, definition.Id, definition.Key, definition.Version, definition.Xml,
            instance?.Status.ToString() ?? "Unknown", Utc(instance?.StartTime), Utc(instance?.EndTime),
            nodes,
            nodes.Where(n => n.Value.Completed > 0).Select(n => n.Key).ToList(),
            nodes.Where(n => n.Value.Waiting > 0).Select(n => n.Key).ToList(),
            TakenFlows(rows, diagram),
            incidents,
            Journal(rows, diagram));
    }

    /// <summary>
    /// The flows the engine recorded as taken: each activity-start row names the sequence flow its token came along.
    /// Chains written before the engine recorded flows have none; for those the flows are inferred as before.
    /// </summary>
    private static List<string> TakenFlows(List<HistoryEntry> rows, DiagramFacts diagram)
    {
        var starts = rows.Where(r => r.Kind == HistoryEventKind.ActivityStarted && r.ActivityId is not null).ToList();
        var recorded = starts.Where(r => r.Value is not null).Select(r => r.Value!).ToHashSet(StringComparer.Ordinal);
        var taken = recorded.Count > 0 ? recorded : InferredFlows(rows, diagram);
        return taken.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// For chains written before the engine recorded flows: a flow counts as taken when its target was entered after its
    /// source completed, preferring the source that completed last on the same token (so a gateway's other branches stay unlit).
    /// </summary>
    private static HashSet<string> InferredFlows(List<HistoryEntry> rows, DiagramFacts diagram)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var incoming = diagram.Flows.ToLookup(f => f.Target);
        var lastEnd = new Dictionary<string, (long Seq, string? Token)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ActivityId is null)
                continue;
            if (row.Kind == HistoryEventKind.ActivityEnded && row.Value != ActivityEndings.Canceled)
                lastEnd[row.ActivityId] = (row.Seq, row.ExecutionId);
            else if (row.Kind == HistoryEventKind.ActivityStarted)
            {
                var candidates = incoming[row.ActivityId].Where(f => lastEnd.ContainsKey(f.Source)).ToList();
                var flow = candidates.Where(f => lastEnd[f.Source].Token == row.ExecutionId).MaxBy(f => lastEnd[f.Source].Seq)
                           ?? candidates.MaxBy(f => lastEnd[f.Source].Seq);
                if (flow is not null)
                    taken.Add(flow.Id);
            }
        }
        return taken;
    }

    private static List<JournalStep> Journal(List<HistoryEntry> rows, DiagramFacts diagram)
    {
        var started = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var created = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        string? stage = null;
        var steps = new List<JournalStep>(rows.Count);
        foreach (var r in rows)
        {
            TimeSpan? duration = null;
            switch (r.Kind)
            {
                case HistoryEventKind.ActivityStarted when r.ActivityInstanceId is not null:
                    started[r.ActivityInstanceId] = r.Time;
                    if (r.ActivityId is not null && diagram.Stages.TryGetValue(r.ActivityId, out var next))
                        stage = next;
                    break;
                case HistoryEventKind.ActivityEnded when r.ActivityInstanceId is not null && started.TryGetValue(r.ActivityInstanceId, out var since):
                    duration = r.Time - since;
                    break;
                case HistoryEventKind.TaskCreated when r.TaskId is not null:
                    created[r.TaskId] = r.Time;
                    break;
                case HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted when r.TaskId is not null && created.TryGetValue(r.TaskId, out var at):
                    duration = r.Time - at;
                    break;
            }
            var variables = r.Kind == HistoryEventKind.VariableSet ? $"{r.Name} = {r.Value}" : null;
            steps.Add(new JournalStep(r.Seq, Utc(r.Time)!.Value, r.Kind.ToString(), r.ActivityId, r.ActivityName, stage, r.Actor, duration, variables, Comment(r))
            {
                Decision = DecisionOf(r),
            });
        }
        return steps;
    }

    /// <summary>What a person wrote: an operation's reason or comment, a note or reason variable, an incident's message.</summary>
    private static string? Comment(HistoryEntry r)
    {
        if (r.Kind is HistoryEventKind.IncidentRaised or HistoryEventKind.JobFailed)
            return r.Value;
        if (r.Kind == HistoryEventKind.VariableSet && r.Name is { } name
            && (name.EndsWith("Note", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Reason", StringComparison.OrdinalIgnoreCase)
                || name.Equals("response", StringComparison.OrdinalIgnoreCase) || name.Contains("comment", StringComparison.OrdinalIgnoreCase)))
            return r.Value;
        if (r.Kind != HistoryEventKind.UserOperation || string.IsNullOrEmpty(r.Detail))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(r.Detail);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            foreach (var key in new[] { "reason", "comment", "annotation" })
                if (doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                    return v.GetString();
        }
        catch (JsonException)
        {
            // An operation's detail that is not JSON carries no comment.
        }
        return null;
    }

    private static Lapor.Workflows.Decisions.DecisionHistory? DecisionOf(HistoryEntry r)
    {
        if (r.Kind != HistoryEventKind.DecisionEvaluated || string.IsNullOrEmpty(r.Detail))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Lapor.Workflows.Decisions.DecisionHistory>(r.Detail);
        }
        catch (JsonException)
        {
            // The row still shows (kind, node, time); only the table's detail is missing.
            return null;
        }
    }

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
