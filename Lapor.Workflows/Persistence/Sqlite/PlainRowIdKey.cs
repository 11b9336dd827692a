using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// Marks an engine table whose integer key SQLite assigns as a plain rowid, without <c>AUTOINCREMENT</c>. The mark is
/// on the table rather than EF Core's <c>SqliteValueGenerationStrategy.None</c> because EF Core 10 leaves that setting
/// out of migration snapshots, so every later migration would "find" the key changed and rebuild the table; an entity
/// annotation survives in the snapshot. Other providers ignore the mark.
/// </summary>
public static class PlainRowIdKey
{
    public const string Annotation = "Lapor:SqlitePlainRowId";

    public static EntityTypeBuilder<T> HasPlainRowIdOnSqlite<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(Annotation, true);

    internal static bool IsPlain(IModel? model, string table, string? schema) =>
        model?.GetRelationalModel().FindTable(table, schema)?.EntityTypeMappings
            .Any(m => m.TypeBase.FindAnnotation(Annotation)?.Value is true) == true;
}
