namespace Lapor.Workflows.Migration;

/// <summary>
/// How instances of one definition version move to another (Camunda 7's migration plan, simplified): one instruction
/// per activity a token may wait at. Boundary events follow their activity by id (decision 008).
/// </summary>
public sealed record MigrationPlan(string SourceDefinitionId, string TargetDefinitionId, IReadOnlyList<MigrationInstruction> Instructions)
{
    /// <summary>The mapped target of <paramref name="sourceActivityId"/>, or null when the plan has no instruction for it.</summary>
    public string? TargetOf(string sourceActivityId) =>
        Instructions.FirstOrDefault(i => i.SourceActivityId == sourceActivityId)?.TargetActivityId;
}
