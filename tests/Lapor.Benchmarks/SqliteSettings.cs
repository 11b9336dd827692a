namespace Lapor.Benchmarks;

/// <summary>
/// The journal and sync settings both sides run with. WAL is what EF Core's SQLite provider switches a database to
/// when it creates it (<c>PRAGMA journal_mode = 'wal'</c> in its database creator), so it is what the engine gets in
/// production; FULL is SQLite's default synchronous level, which EF leaves alone. Both are set explicitly anyway, so
/// the comparison does not depend on defaults.
/// </summary>
internal static class SqliteSettings
{
    public const string JournalMode = "wal";
    public const string Synchronous = "FULL";

    /// <summary>What <c>PRAGMA synchronous</c> reads back as for <see cref="Synchronous"/>.</summary>
    public const long SynchronousLevel = 2;

    public const string JournalModePragma = $"PRAGMA journal_mode = {JournalMode};";
    public const string SynchronousPragma = $"PRAGMA synchronous = {Synchronous};";
}
