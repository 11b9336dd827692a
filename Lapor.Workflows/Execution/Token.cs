namespace Lapor.Workflows.Execution;

public enum TokenState { Moving, Waiting, Joining, Scope }

/// <summary>
/// A point of execution (Camunda's "execution"). A token waiting at a sub-process is a <see cref="TokenState.Scope"/>
/// token; the tokens inside it name it as <see cref="ScopeTokenId"/>.
/// </summary>
public sealed class Token
{
    public required string Id { get; init; }
    public required string ActivityId { get; set; }
    public string? ScopeTokenId { get; init; }
    public TokenState State { get; set; }

    /// <summary>Changes each time the token enters a node, so a late timer for an earlier visit can be told apart.</summary>
    public string ActivityInstanceId { get; set; } = "";
}
