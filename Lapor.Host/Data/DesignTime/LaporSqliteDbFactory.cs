using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lapor.Host.Data.DesignTime;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context LaporSqliteDb</c> build the model without starting the host. The
/// connection is never opened for <c>migrations add</c>; the engine's SQLite setup is used so that clustered tables
/// come out as <c>WITHOUT ROWID</c>, exactly as at run time.
/// </summary>
internal sealed class LaporSqliteDbFactory : IDesignTimeDbContextFactory<LaporSqliteDb>
{
    public LaporSqliteDb CreateDbContext(string[] args) =>
        new(WorkflowModel.UseSqlite(new DbContextOptionsBuilder<LaporSqliteDb>(), "Data Source=lapor-design.db").Options);
}
