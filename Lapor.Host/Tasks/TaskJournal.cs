using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Tasks;

/// <summary>
/// Who did what to a case's tasks and when, read from the engine's hash-chained history (not from a copy the host
/// keeps), so what officers see here is what auditors verify.
/// </summary>
public sealed class TaskJournal(HistoryQuery history)
{
    /// <summary>A case has a few dozen of these rows; more than this is a runaway loop, and the page shows the latest.</summary>
    public const int MaxEntries = 500;

    private static readonly HistoryEventKind[] JournalKinds =
        [HistoryEventKind.UserOperation, HistoryEventKind.TaskCreated, HistoryEventKind.TaskCompleted];

    public async Task<IReadOnlyList<TaskJournalEntry>> ForInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        var rows = await history.LatestOfInstanceAsync(instanceId, JournalKinds, MaxEntries, ct);
        var taskNames = rows.Where(r => r.TaskId is not null && r.ActivityName is not null)
            .GroupBy(r => r.TaskId!).ToDictionary(g => g.Key, g => g.First().ActivityName);

        var entries = new List<TaskJournalEntry>();
        foreach (var row in rows)
        {
            var when = new DateTimeOffset(DateTime.SpecifyKind(row.Time, DateTimeKind.Utc));
            var name = row.TaskId is null ? null : taskNames.GetValueOrDefault(row.TaskId);
            switch (row.Kind)
            {
                case HistoryEventKind.TaskCreated:
                    entries.Add(new TaskJournalEntry(when, null, "Created", name));
                    break;
                case HistoryEventKind.UserOperation when row.Name is not null && row.TaskId is not null:
                    entries.Add(WithDetail(new TaskJournalEntry(when, row.Actor, row.Name, name), row.Detail));
                    break;
            }
        }
        return entries;
    }

    /// <summary>The part of an operation's JSON detail a person wants: the new assignee, or the new date and why.</summary>
    private static TaskJournalEntry WithDetail(TaskJournalEntry entry, string? json)
    {
        if (json is null)
            return entry;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string? Prop(string name) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return entry.What switch
            {
                "SetDueDate" => entry with
                {
                    Due = DateTimeOffset.TryParse(Prop("newValue"), System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal, out var due) ? due : null,
                    Reason = Prop("reason"),
                },
                "Claim" or "SetAssignee" or "Delegate" or "Resolve" => entry with { Assignee = Prop("newValue") },
                _ => entry,
            };
        }
        catch (JsonException)
        {
            return entry;
        }
    }
}
