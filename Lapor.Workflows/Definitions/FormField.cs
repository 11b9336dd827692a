namespace Lapor.Workflows.Definitions;

/// <summary>A <c>camunda:formField</c>: the host renders and validates it; completing the task sets a variable named <see cref="Id"/>.</summary>
public sealed record FormField(
    string Id,
    string Label,
    string Type,
    string? DefaultValue,
    bool Required,
    IReadOnlyList<FormFieldOption> Options,
    IReadOnlyDictionary<string, string> Properties);
