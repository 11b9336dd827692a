namespace Lapor.Host.Inbox;

/// <summary>Orders of the inbox; due date first by default because late work is what the officer is judged on.</summary>
public enum InboxSort
{
    Due,
    Priority,
    Newest,
}
