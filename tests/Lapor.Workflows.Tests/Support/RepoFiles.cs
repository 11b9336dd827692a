namespace Lapor.Workflows.Tests.Support;

/// <summary>Files shipped in the repository (workflows, calendars), found from the test binaries' folder.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();
    public static string Workflows => Path.Combine(Root, "workflows");
    public static string Calendars => Path.Combine(Root, "workflows", "calendars");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lapor.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Lapor.sln not found above " + AppContext.BaseDirectory);
    }
}
