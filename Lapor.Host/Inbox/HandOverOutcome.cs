namespace Lapor.Host.Inbox;

/// <summary>What became of a hand-over, delegation or hand-back; every outcome but <see cref="Done"/> changed nothing.</summary>
public enum HandOverOutcome
{
    Done,

    /// <summary>The task is not visible to the user (or gone): answered like an unknown id.</summary>
    NotFound,

    /// <summary>Visible, but this user may not pass it on (the auditor, or an officer who does not hold it).</summary>
    Forbidden,

    UnknownColleague,
    InactiveColleague,

    /// <summary>Another agency, or a role that does not handle an agency's tasks.</summary>
    NotAColleague,

    /// <summary>The colleague already holds the task.</summary>
    AlreadyHolds,

    /// <summary>Someone else changed or completed the task since the page was loaded.</summary>
    Conflict,
}
