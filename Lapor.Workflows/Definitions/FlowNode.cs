namespace Lapor.Workflows.Definitions;

/// <summary>A node of a process graph: an event, activity or gateway, as parsed from BPMN.</summary>
public abstract record FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>Id of the embedded sub-process that contains the node; null at process level.</summary>
    public string? ScopeId { get; init; }

    /// <summary><c>camunda:properties</c> key/values, kept verbatim for the host (e.g. a citizen-readable stage).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>The BPMN element name (<c>userTask</c>, <c>exclusiveGateway</c>…), used as activity type in history.</summary>
    public abstract string BpmnType { get; }

    /// <summary>Activities (tasks and sub-processes) can carry boundary events.</summary>
    public virtual bool IsActivity => false;

    public static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();
}
