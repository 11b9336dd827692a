using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Tests.Calendars;

/// <summary>The holiday files the repository ships, so tests fail when the data drifts, not just the code.</summary>
internal static class ShippedCalendars
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "workflows", "calendars");

    public static IReadOnlyList<Holiday> Load(params string[] fileNames) =>
        [.. fileNames.SelectMany(name => HolidayFile.Load(Path.Combine(Directory, name)))];

    public static BusinessCalendar National() =>
        new(Load("id-national-2026.json", "id-national-2027.json"), CalendarZones.Wita);

    public static BusinessCalendar NationalAndBali() =>
        new(HolidayFile.LoadDirectory(Directory), CalendarZones.Wita);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains Lapor.sln.");
    }
}
