namespace Lapor.Host.Delivery;

/// <summary>What a reporter is told about: one notice per public step of the report's timeline that matters to them.</summary>
public enum ReporterNotice
{
    Received,
    Verified,
    Forwarded,
    Asked,
    Answered,
    Closed,
    Reopened,
}

/// <summary>What staff are told about: new work, a deadline tomorrow, a deadline passed, an escalation to them.</summary>
public enum StaffNotice
{
    NewTask,
    DueTomorrow,
    Overdue,
    Escalated,
}

/// <summary>A notice written out: the outbox stores these, so a later change of wording never alters what was sent.</summary>
public sealed record ComposedNotice(string Template, string Subject, string Text, string Html);
