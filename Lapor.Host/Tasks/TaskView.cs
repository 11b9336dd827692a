using Lapor.Domain.Reports;
using Lapor.Host.Reports;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Tasks;

/// <summary>Everything the task page shows, already limited to what this user may see and do.</summary>
public sealed record TaskView(
    TaskDetails Task,
    UserTask? Definition,
    BuiltInForm? BuiltIn,
    IReadOnlyList<FormField> Fields,
    IReadOnlyDictionary<string, string?> CurrentValues,
    Guid? ReportId,
    PublicReport? Report,
    IReadOnlyList<InternalNote> Notes,
    IReadOnlyList<TaskJournalEntry> Journal,
    TaskPermissions May,
    int? RemainingWorkingDays,
    bool IsOverdue)
{
    public bool IsDelegatedToMe(string? userName) => Task.DelegationState == DelegationStates.Pending && Task.Assignee == userName;
}
