namespace Lapor.Workflows.Decisions;

/// <summary>An output column; <see cref="Name"/> is the key of the result entry (the variable a task sets).</summary>
public sealed record DecisionOutput(string Id, string? Label, string Name, string? TypeRef);
