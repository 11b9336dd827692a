namespace Lapor.Workflows.Queries;

/// <summary>The last thing that happened to a task in its history, as Camunda's <c>taskState</c> names it.</summary>
public static class HistoricTaskStates
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Completed = "Completed";
    public const string Deleted = "Deleted";
}
