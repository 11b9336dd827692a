using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// SQLite with the engine's schema generator, which clusters the runtime tables (<see cref="ClusteredTable"/>), and a
/// connection that keeps the engine's compiled statements valid (<see cref="WorkflowSqliteConnection"/>). Use it
/// wherever a context with the engine's tables runs on SQLite, so tests, benchmarks and the host create the same file.
/// </summary>
public static class WorkflowSqlite
{
    public static TBuilder UseWorkflowSqlite<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        // EF's SQLite connection service is "internal" API (EF1001); see WorkflowSqliteConnection for why it is replaced.
#pragma warning disable EF1001
        options.UseSqlite(connectionString)
            .ReplaceService<IMigrationsSqlGenerator, WorkflowSqliteSqlGenerator>()
            .ReplaceService<ISqliteRelationalConnection, WorkflowSqliteConnection>();
#pragma warning restore EF1001
        return options;
    }
}
