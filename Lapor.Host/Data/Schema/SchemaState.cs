namespace Lapor.Host.Data.Schema;

/// <summary>Where a database stands: migrations applied and pending, and, without a history, which release-1 tables it has.</summary>
public sealed record SchemaState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, ReleaseOneTables? ReleaseOne)
{
    /// <summary>Made by release 1's <c>EnsureCreated</c>: every table of the first migration, no migrations history.</summary>
    public bool IsReleaseOne => ReleaseOne is { Found: > 0, Missing.Count: 0 };

    public bool IsCurrent => Pending.Count == 0;
}
