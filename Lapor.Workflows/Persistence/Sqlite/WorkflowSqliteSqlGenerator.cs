using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// SQLite's schema generator, plus <c>WITHOUT ROWID</c> for the tables marked <see cref="ClusteredTable"/> and no
/// <c>AUTOINCREMENT</c> on the tables marked <see cref="PlainRowIdKey"/>.
/// </summary>
public sealed class WorkflowSqliteSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    // SqliteAnnotationNames is internal API; the name is part of every SQLite migration EF Core has written.
    private const string AutoincrementAnnotation = "Sqlite:Autoincrement";

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        var table = ModelTableName(operation.Name);
        if (PlainRowIdKey.IsPlain(model, table, operation.Schema))
            foreach (var column in operation.Columns)
                column.RemoveAnnotation(AutoincrementAnnotation);
        if (!ClusteredTable.IsClustered(model, table, operation.Schema))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }
        base.Generate(operation, model, builder, terminate: false);
        builder.Append(" WITHOUT ROWID");
        if (!terminate)
            return;
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// A migration that changes a column rebuilds the table as <c>ef_temp_NAME</c> and renames it: the copy must be
    /// laid out as the table it replaces.
    /// </summary>
    private static string ModelTableName(string name) =>
        name.StartsWith(TempTablePrefix, StringComparison.Ordinal) ? name[TempTablePrefix.Length..] : name;

    private const string TempTablePrefix = "ef_temp_";
}
