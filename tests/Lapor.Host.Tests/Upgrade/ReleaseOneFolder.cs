using Microsoft.Data.Sqlite;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>The release-1 data folder kept in the tests (Upgrade/Release1), copied fresh for each test that opens it.</summary>
public static class ReleaseOneFolder
{
    public static string Source => Path.Combine(AppContext.BaseDirectory, "Upgrade", "Release1");

    /// <summary>A new temp data folder holding a copy of the release-1 files (database, Quartz store, attachments).</summary>
    public static string Copy()
    {
        var target = Support.LaporHostFactory.NewDataDirectory();
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file);
            if (relative.EndsWith(".sql", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    public static List<string> Strings(string databaseFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Every table and index as SQLite keeps it (the SQL that made it), without EF's own bookkeeping tables.</summary>
    public static List<string> Schema(string databaseFile) => Strings(databaseFile,
        "SELECT type || ' ' || name || ': ' || replace(sql, 'CREATE TABLE IF NOT EXISTS', 'CREATE TABLE') FROM sqlite_master " +
        "WHERE name NOT LIKE '__EF%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name");
}
