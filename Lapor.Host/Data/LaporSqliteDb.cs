using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Data;

/// <summary>
/// <see cref="LaporDb"/> on SQLite. A type of its own because EF Core finds migrations by context type: SQLite's
/// migrations (<c>Data/Migrations/Sqlite</c>) and PostgreSQL's differ in column types and cannot be shared.
/// </summary>
public sealed class LaporSqliteDb(DbContextOptions<LaporSqliteDb> options) : LaporDb(options);
