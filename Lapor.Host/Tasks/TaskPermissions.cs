namespace Lapor.Host.Tasks;

/// <summary>
/// What one user may do with one task they can see. Computed once by <see cref="TaskWorkspace"/> and used by both the
/// page (which buttons to show) and the handlers (what to refuse), so the two cannot disagree.
/// </summary>
/// <param name="Work">Fill in and complete the form: only the assignee.</param>
/// <param name="Claim">Take an unassigned task.</param>
/// <param name="Note">Write an internal note: anyone who may act on the task.</param>
/// <param name="Supervise">Reassign, take over and change the due date: coordinators and administrators.</param>
public sealed record TaskPermissions(bool Work, bool Claim, bool Note, bool Supervise)
{
    public static readonly TaskPermissions None = new(false, false, false, false);
}
