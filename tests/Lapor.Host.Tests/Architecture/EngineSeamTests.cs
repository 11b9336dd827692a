using System.Text.RegularExpressions;

namespace Lapor.Host.Tests.Architecture;

/// <summary>
/// The host works through the engine's published services (TaskQuery, InstanceQuery, the designs, commands on
/// WorkflowEngine), never through its rows or its DbContext: the engine can then change how it stores things without
/// the portal noticing (issue 15).
/// </summary>
public sealed partial class EngineSeamTests
{
    [GeneratedRegex(@"^Lapor\.Workflows\.Persistence\.|^Lapor\.Workflows\.History\.\w+Row$|^Lapor\.Workflows\.Runtime\.WorkflowEngine::get_Db$")]
    private static partial Regex EngineStorage();

    [GeneratedRegex(@"\bLapor\.Workflows\.Persistence\b|\bengine\.Db\b|\bEngine\.Db\b")]
    private static partial Regex EngineStorageInSource();

    [Fact]
    public void NoHostType_ReferencesEngineRowsOrItsDbContext()
    {
        var references = EngineReferences.Read(typeof(Lapor.Host.Inbox.TaskInbox).Assembly.Location);
        var offences = references
            .SelectMany(type => type.Value.SelectMany(Parts).Where(name => EngineStorage().IsMatch(name)).Distinct().Select(name => $"{type.Key} → {name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offences.Count == 0, "Reaches into engine storage:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TheReferenceReader_SeesRowsInsideGenericArgumentsAndBodies()
    {
        // If the reader missed a row used as a generic argument or the DbContext reached in a method body, the test
        // above could not fail; the nested sample below does both, read from this test assembly the same way (nested types
        // count under the type that holds them).
        var references = EngineReferences.Read(typeof(EngineSeamTests).Assembly.Location);
        var sample = references[typeof(EngineSeamTests).FullName!].SelectMany(Parts).ToHashSet();
        Assert.Contains("Lapor.Workflows.Persistence.TaskRow", sample);
        Assert.Contains("Lapor.Workflows.Runtime.WorkflowEngine::get_Db", sample);
    }

    /// <summary>What the host must never do, kept here only so the reference reader is seen to catch it.</summary>
    private static class RowReadingSample
    {
        public static int Count(Lapor.Workflows.Runtime.WorkflowEngine engine) =>
            engine.Db.Set<Lapor.Workflows.Persistence.TaskRow>().Count();
    }

    [Fact]
    public void NoHostSourceFile_ImportsEnginePersistence()
    {
        var root = Path.Combine(RepositoryRoot(), "Lapor.Host");
        var offences = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            // Model snapshots name the engine's entity types in strings; they are generated and carry no code reference.
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal)
                        && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal) && !f.StartsWith("node_modules/", StringComparison.Ordinal))
            .Where(f => EngineStorageInSource().IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offences.Count == 0, "Reaches into engine storage:\n" + string.Join("\n", offences));
    }

    /// <summary>"A&lt;B,C&gt;[]" → A, B, C: each type named in a constructed name, so a row as a generic argument is found.</summary>
    private static IEnumerable<string> Parts(string name) =>
        name.Split(['<', '>', ',', '[', ']', '&', '*'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lapor.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Lapor.sln not found above " + AppContext.BaseDirectory);
    }
}
