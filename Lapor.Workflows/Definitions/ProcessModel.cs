namespace Lapor.Workflows.Definitions;

/// <summary>
/// One executable process from a BPMN file, with the lookups the interpreter needs precomputed.
/// Immutable: the same instance is shared by every execution of a definition version.
/// </summary>
public sealed class ProcessModel
{
    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = [];
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = [];
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaries = [];

    public ProcessModel(string key, string? name, IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows)
    {
        Key = key;
        Name = name;
        Nodes = nodes.ToDictionary(n => n.Id);
        Flows = flows.ToDictionary(f => f.Id);
        foreach (var flow in Flows.Values)
        {
            Add(_outgoing, flow.SourceId, flow);
            Add(_incoming, flow.TargetId, flow);
        }
        foreach (var boundary in Nodes.Values.OfType<BoundaryEvent>())
        {
            if (!_boundaries.TryGetValue(boundary.AttachedToId, out var list))
                _boundaries[boundary.AttachedToId] = list = [];
            list.Add(boundary);
        }
    }

    public string Key { get; }
    public string? Name { get; }
    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }
    public IReadOnlyDictionary<string, SequenceFlow> Flows { get; }

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Process '{Key}' has no element '{id}'.");

    public IReadOnlyList<SequenceFlow> Outgoing(string nodeId) => _outgoing.TryGetValue(nodeId, out var l) ? l : [];
    public IReadOnlyList<SequenceFlow> Incoming(string nodeId) => _incoming.TryGetValue(nodeId, out var l) ? l : [];
    public IReadOnlyList<BoundaryEvent> BoundaryEvents(string activityId) => _boundaries.TryGetValue(activityId, out var l) ? l : [];

    /// <summary>The none start event of a scope (a sub-process id, or null for the process itself).</summary>
    public StartEvent? NoneStart(string? scopeId) =>
        Nodes.Values.OfType<StartEvent>().FirstOrDefault(s => s.ScopeId == scopeId && s.MessageName is null);

    public IEnumerable<StartEvent> MessageStarts() =>
        Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId is null && s.MessageName is not null);

    private static void Add(Dictionary<string, List<SequenceFlow>> index, string key, SequenceFlow flow)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(flow);
    }
}
