using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Data;

/// <summary><see cref="LaporDb"/> on PostgreSQL, with its own migrations in <c>Data/Migrations/Postgres</c> (see <see cref="LaporSqliteDb"/>).</summary>
public sealed class LaporPostgresDb(DbContextOptions<LaporPostgresDb> options) : LaporDb(options);
