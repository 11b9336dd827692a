namespace Lapor.Host.Tasks;

/// <summary>One line of "who did what and when" on a case, from the engine's append-only history.</summary>
/// <param name="What">Operation or event: Claim, Unclaim, SetAssignee, Delegate, Resolve, Complete, SetDueDate, Created.</param>
/// <param name="Assignee">The new assignee, for Claim, SetAssignee, Delegate and Resolve.</param>
/// <param name="Due">The new due date, for SetDueDate, with its <paramref name="Reason"/>.</param>
public sealed record TaskJournalEntry(
    DateTimeOffset When,
    string? Actor,
    string What,
    string? TaskName,
    string? Assignee = null,
    DateTimeOffset? Due = null,
    string? Reason = null);
