namespace Lapor.Workflows.Queries;

/// <summary>
/// Who is looking at the task list, in the engine's terms: the candidate groups whose tasks they see, claimed or not;
/// the groups whose tasks they see only while nobody holds them; and the user whose own tasks (held, or owned but
/// delegated) they always see. An audience with none of these sees nothing. The host maps its roles onto this.
/// </summary>
public sealed record TaskAudience
{
    public IReadOnlyList<string> Groups { get; init; } = [];

    public IReadOnlyList<string> UnclaimedGroups { get; init; } = [];

    public string? User { get; init; }
}
