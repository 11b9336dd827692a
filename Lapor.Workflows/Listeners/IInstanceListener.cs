namespace Lapor.Workflows.Listeners;

/// <summary>
/// Host code told about every change of an instance, before the command saves, so what it writes through the context
/// (a report's stage, its public timeline) commits or rolls back together with the engine's rows. Inside the command's
/// transaction, except in a start: a start begins its transaction only when it saves, so a listener changes tracked
/// entities and does not run statements of its own.
/// </summary>
public interface IInstanceListener
{
    Task OnChangedAsync(InstanceChange change, CancellationToken ct);
}
