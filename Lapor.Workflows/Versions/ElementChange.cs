namespace Lapor.Workflows.Versions;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One element of a process that differs between two versions, with what changed in it.</summary>
/// <param name="Type">The BPMN element name without namespace (<c>userTask</c>, <c>sequenceFlow</c>…).</param>
/// <param name="Details">For a changed element, one line per difference, e.g. <c>camunda:dueDate: P5WD → P2WD</c>.</param>
public sealed record ElementChange(string Id, string Type, string? Name, ChangeKind Kind, IReadOnlyList<string> Details);
