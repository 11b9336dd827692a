namespace Lapor.Workflows.Execution;

/// <summary>The interpreter's view of one process instance: its tokens and variables. No I/O.</summary>
public sealed class InstanceState
{
    private Dictionary<string, object?>? _values;

    public required string InstanceId { get; init; }
    public string? BusinessKey { get; init; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public List<Token> Tokens { get; init; } = [];
    public Dictionary<string, TypedValue> Variables { get; init; } = [];

    public Token? FindToken(string id) => Tokens.Find(t => t.Id == id);

    /// <summary>Variables as plain values for expressions; rebuilt only after a change.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values ??= Variables.ToDictionary(v => v.Key, v => v.Value.Value);

    public TypedValue? SetVariable(string name, TypedValue value)
    {
        Variables.TryGetValue(name, out var old);
        Variables[name] = value;
        _values = null;
        return old;
    }
}
