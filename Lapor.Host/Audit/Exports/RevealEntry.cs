namespace Lapor.Host.Audit.Exports;

/// <summary>One logged reveal: who saw the reporter's identity, when, why, in which export, for which cases.</summary>
public sealed record RevealEntry(DateTimeOffset When, string Actor, string Reason, string Scope, IReadOnlyList<string> Cases);
