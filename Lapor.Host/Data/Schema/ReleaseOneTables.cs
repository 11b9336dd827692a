namespace Lapor.Host.Data.Schema;

/// <summary>How many of the first migration's tables a database without migrations history has, and which it lacks.</summary>
public sealed record ReleaseOneTables(int Found, IReadOnlyList<string> Missing);
