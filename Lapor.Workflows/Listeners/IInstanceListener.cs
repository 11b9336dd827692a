namespace Lapor.Workflows.Listeners;

/// <summary>
/// Host code told about every change of an instance, inside the command's transaction (before commit), so what it
/// writes (a report's stage, its public timeline) commits or rolls back together with the engine's rows.
/// </summary>
public interface IInstanceListener
{
    Task OnChangedAsync(InstanceChange change, CancellationToken ct);
}
