using System.Text.RegularExpressions;

namespace Lapor.Host.Tests.Architecture;

/// <summary>
/// The host works through the engine's published services (TaskQuery, InstanceQuery, the designs, commands on
/// WorkflowEngine), never through its rows or its DbContext: the engine can then change how it stores things without
/// the portal noticing (issue 15).
/// </summary>
public sealed partial class EngineSeamTests
{
    // until the rest branch lands: the engine REST API moves into the engine, and the audit and history readers
    // (including the task page's journal) move to HistoryQuery.
    private static readonly string[] NotYetConverted =
    [
        "Lapor.Host.Api.EngineRest.", "Lapor.Host.Audit.", "Lapor.Host.Backups.BackupCheck", "Lapor.Host.Tasks.TaskJournal",
    ];

    // until the rest branch lands (same folders, as paths under Lapor.Host/).
    private static readonly string[] NotYetConvertedFiles =
    [
        "Api/EngineRest/", "Audit/", "Backups/BackupCheck.cs", "Tasks/TaskJournal.cs",
    ];

    // WorkflowEngine.StartAsync still returns the instance row, because the REST start endpoint builds its DTO from it;
    // it returns an InstanceSummary once that endpoint sits in the engine (the lead's step that makes rows internal).
    private static readonly string[] KnownCommandResults =
    [
        "Lapor.Host.Reports.ReportIntake → Lapor.Workflows.Persistence.ProcessInstanceRow",
        "Lapor.Host.Reports.ReportIntake → Lapor.Workflows.Persistence.ProcessInstanceRow::get_Id",
    ];

    [GeneratedRegex(@"^Lapor\.Workflows\.Persistence\.|^Lapor\.Workflows\.History\.\w+Row$|^Lapor\.Workflows\.Runtime\.WorkflowEngine::get_Db$")]
    private static partial Regex EngineStorage();

    [GeneratedRegex(@"\bLapor\.Workflows\.Persistence\b|\bengine\.Db\b|\bEngine\.Db\b")]
    private static partial Regex EngineStorageInSource();

    [Fact]
    public void NoHostType_ReferencesEngineRowsOrItsDbContext()
    {
        var references = EngineReferences.Read(typeof(Lapor.Host.Inbox.TaskInbox).Assembly.Location);
        var offences = references
            .Where(type => !NotYetConverted.Any(type.Key.StartsWith))
            .SelectMany(type => type.Value.SelectMany(Parts).Where(name => EngineStorage().IsMatch(name)).Distinct().Select(name => $"{type.Key} → {name}"))
            .Except(KnownCommandResults)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offences.Count == 0, "Reaches into engine storage:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TheReferenceReader_SeesRowsInsideGenericArgumentsAndBodies()
    {
        // The excluded REST code queries rows through engine.Db; if the reader did not see that, the test above could not fail.
        var references = EngineReferences.Read(typeof(Lapor.Host.Inbox.TaskInbox).Assembly.Location);
        var rest = references.Where(t => t.Key.StartsWith("Lapor.Host.Api.EngineRest.", StringComparison.Ordinal)).SelectMany(t => t.Value.SelectMany(Parts)).ToHashSet();
        Assert.Contains("Lapor.Workflows.Persistence.TaskRow", rest);
        Assert.Contains("Lapor.Workflows.Runtime.WorkflowEngine::get_Db", rest);
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
            .Where(f => !NotYetConvertedFiles.Any(f.StartsWith))
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
