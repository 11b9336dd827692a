using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Queries;

/// <summary>A historic process instance's state, spelt as Camunda's REST API spells it.</summary>
public static class InstanceStates
{
    public const string Active = "ACTIVE";
    public const string Completed = "COMPLETED";
    public const string ExternallyTerminated = "EXTERNALLY_TERMINATED";
    public const string InternallyTerminated = "INTERNALLY_TERMINATED";

    public static string Of(InstanceStatus status) => status switch
    {
        InstanceStatus.Active => Active,
        InstanceStatus.Completed => Completed,
        InstanceStatus.InternallyTerminated => InternallyTerminated,
        _ => ExternallyTerminated,
    };
}
