namespace Lapor.Workflows.Tests.Expressions;

internal static class Vars
{
    public static IReadOnlyDictionary<string, object?> None { get; } = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Of(params (string Name, object? Value)[] variables) =>
        variables.ToDictionary(variable => variable.Name, variable => variable.Value);
}
