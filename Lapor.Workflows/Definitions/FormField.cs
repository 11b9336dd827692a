namespace Lapor.Workflows.Definitions;

/// <summary>A <c>camunda:formField</c>: the host renders and validates it; completing the task sets a variable named <see cref="Id"/>.</summary>
public sealed record FormField(
    string Id,
    string Label,
    string Type,
    string? DefaultValue,
    bool Required,
    IReadOnlyList<FormFieldOption> Options,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>
    /// Every <c>camunda:constraint</c> by name with its <c>config</c>: <c>required</c>, <c>readonly</c>,
    /// <c>minlength</c>/<c>maxlength</c> (text) and <c>min</c>/<c>max</c> (numbers and dates), checked at deploy.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Constraints { get; init; } = new Dictionary<string, string?>();
}
