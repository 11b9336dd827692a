namespace Lapor.Host.Audit.Viewer;

/// <summary>Everything the instance viewer shows: the exact definition the case ran on, the path taken and the journal.</summary>
public sealed record InstanceView(
    string InstanceId,
    string DefinitionId,
    string DefinitionKey,
    int DefinitionVersion,
    string Xml,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, NodeCounts> Nodes,
    IReadOnlyList<string> CompletedNodes,
    IReadOnlyList<string> ActiveNodes,
    IReadOnlyList<string> TakenFlows,
    IReadOnlyList<IncidentMark> Incidents,
    IReadOnlyList<JournalStep> Journal);

public sealed record IncidentMark(string ActivityId, string Message, bool Open);
