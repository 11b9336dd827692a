namespace Lapor.Workflows.Migration;

/// <summary>A dry run: what is wrong with the plan itself, and for each running instance of the source whether it can move.</summary>
public sealed record MigrationReport(IReadOnlyList<string> PlanProblems, IReadOnlyList<InstanceMigrationCheck> Instances)
{
    public int Movable => Instances.Count(i => i.CanMove);
}
