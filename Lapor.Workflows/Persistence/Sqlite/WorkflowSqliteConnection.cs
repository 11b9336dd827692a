using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

// EF's SQLite connection is an "internal" API (EF1001): the one hook there is to change how it creates connections.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// EF's SQLite connection without EF's user-defined SQL functions (<c>regexp</c> and the <c>ef_*</c> helpers for
/// decimal arithmetic). Microsoft.Data.Sqlite registers a connection's functions again every time it opens, and
/// SQLite expires every statement prepared on the native connection when a function is registered again, so with them
/// the engine's kept statements (<see cref="SqliteStatements"/>) would be compiled anew by every command. Lapor's model
/// has no decimal column and no query uses Regex; a query that did would fail with "no such function", which the tests
/// would show.
/// </summary>
public sealed class WorkflowSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (RelationalOptionsExtension.Extract(Dependencies.ContextOptions).CommandTimeout is { } timeout)
            connection.DefaultTimeout = timeout;
        return connection;
    }
}
