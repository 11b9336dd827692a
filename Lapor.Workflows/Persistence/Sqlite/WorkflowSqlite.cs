using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// SQLite with the engine's schema generator, which clusters the runtime tables (<see cref="ClusteredTable"/>). Use it
/// wherever a context with the engine's tables runs on SQLite, so tests, benchmarks and the host create the same file.
/// </summary>
public static class WorkflowSqlite
{
    public static TBuilder UseWorkflowSqlite<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString).ReplaceService<IMigrationsSqlGenerator, WorkflowSqliteSqlGenerator>();
        return options;
    }
}
