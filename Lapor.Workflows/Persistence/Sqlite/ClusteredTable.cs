using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// Marks an engine table that SQLite stores in its primary-key order (<c>WITHOUT ROWID</c>). A table with a text key is
/// otherwise two B-trees, the rows by hidden rowid and a unique index from key to rowid, and every command that adds
/// or removes a row writes a page of each. Clustering saves that page per table per commit; the engine's runtime rows
/// are small, which is when SQLite recommends it. Other providers ignore the mark.
/// </summary>
public static class ClusteredTable
{
    public const string Annotation = "Lapor:SqliteWithoutRowId";

    public static EntityTypeBuilder<T> IsClusteredOnSqlite<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(Annotation, true);

    internal static bool IsClustered(IModel? model, string table, string? schema) =>
        model?.GetRelationalModel().FindTable(table, schema)?.EntityTypeMappings
            .Any(m => m.TypeBase.FindAnnotation(Annotation)?.Value is true) == true;
}
