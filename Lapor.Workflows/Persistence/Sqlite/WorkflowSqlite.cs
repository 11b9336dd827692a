using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;

// In the engine's root namespace: this is what a host calls, and a host does not import the engine's persistence.
namespace Lapor.Workflows;

/// <summary>
/// EF Core's SQLite provider with the engine's schema generator, which clusters the runtime tables
/// (<see cref="ClusteredTable"/>) and keeps plain rowid keys (<see cref="PlainRowIdKey"/>), and whose writers take turns
/// in this process instead of sleeping on SQLite's busy errors (<see cref="SqliteWriteGate"/>). Use it wherever a context
/// with the engine's tables runs on SQLite, so tests, benchmarks and the host create the same file. Everything else is
/// EF's own SQLite provider, its SQL functions included.
/// </summary>
public static class WorkflowSqlite
{
    public static TBuilder UseWorkflowSqlite<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        // The write gate first among the interceptors: a commit hands the file to the next writer before any
        // after-commit work of another interceptor runs (decision 032).
        options.UseSqlite(connectionString).ReplaceService<IMigrationsSqlGenerator, WorkflowSqliteSqlGenerator>().AddInterceptors(WriteGateInterceptor.Instance);
        return options;
    }

    /// <summary>
    /// Stores a host's owned collection in its key order on SQLite (<c>WITHOUT ROWID</c>), as the engine's runtime
    /// tables (<see cref="ClusteredTable"/>); other providers ignore the mark. For small rows read by their owner.
    /// </summary>
    public static OwnedNavigationBuilder<TOwner, TDependent> IsClusteredOnSqlite<TOwner, TDependent>(this OwnedNavigationBuilder<TOwner, TDependent> builder)
        where TOwner : class where TDependent : class =>
        builder.HasAnnotation(ClusteredTable.Annotation, true);

    /// <summary>The same for a host's own table of small rows read by a key range (the dashboard's reporting table).</summary>
    public static EntityTypeBuilder<T> IsClusteredOnSqlite<T>(this EntityTypeBuilder<T> builder) where T : class =>
        ClusteredTable.IsClusteredOnSqlite(builder);

    /// <summary>
    /// Closes the connections the engine keeps open between commands (<see cref="KeptConnections"/>) that are not in use now. Call it, as
    /// <see cref="Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools"/>, before moving or replacing a database file
    /// this process has used; idle connections are closed after 30 seconds anyway.
    /// </summary>
    /// <param name="connectionString">Only those to this database (as the context's connection string says it); null for all.</param>
    public static void CloseIdleConnections(string? connectionString = null) => KeptConnections.Close(connectionString);
}
