namespace Lapor.Workflows.Runtime;

/// <summary>Incident types, spelt as Camunda spells them. The engine raises one kind: a job that ran out of retries.</summary>
public static class IncidentTypes
{
    public const string FailedJob = "failedJob";
}
