using Lapor.Workflows.Migration;

namespace Lapor.Workflows.Errors;

/// <summary>An instance that cannot move under a plan, with every reason as a code a host can put in its own words.</summary>
public sealed class MigrationRefusedException(string message, IReadOnlyList<MigrationReason> reasons)
    : WorkflowException(message, "MigratingProcessInstanceValidationException")
{
    public IReadOnlyList<MigrationReason> Reasons { get; } = reasons;
}
