using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// Whether a context runs on SQLite, remembered per model. <c>Database.IsSqlite()</c> resolves the provider from the
/// context's services on every call, and a command asked it several times: about 2 % of an engine command's CPU. A
/// model is built for one provider, so the answer cannot change for the contexts sharing it.
/// </summary>
internal static class SqliteModels
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<bool>> Known = new();

    public static bool IsSqlite(DbContext db) =>
        Known.GetValue(db.Model, _ => new StrongBox<bool>(db.Database.IsSqlite())).Value;
}
