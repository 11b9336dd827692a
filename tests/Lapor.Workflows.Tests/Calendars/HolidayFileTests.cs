using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Tests.Calendars;

public sealed class HolidayFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lapor-holidays-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheShipped2026NationalFile_Has17HolidaysAnd8CutiBersamaDays()
    {
        var holidays = ShippedCalendars.Load("id-national-2026.json");

        Assert.Equal(17, holidays.Count(h => h.Kind == HolidayKind.National));
        Assert.Equal(8, holidays.Count(h => h.Kind == HolidayKind.CutiBersama));
        Assert.All(holidays, h => Assert.Equal(2026, h.Date.Year));
        Assert.All(holidays, h => Assert.Null(h.Region));
    }

    [Fact]
    public void TheShippedBaliFiles_HoldOnlyRegionalDaysForBali()
    {
        var holidays = ShippedCalendars.Load("bali-2026.json", "bali-2027.json");

        Assert.NotEmpty(holidays);
        Assert.All(holidays, h => Assert.Equal((HolidayKind.Regional, "bali"), (h.Kind, h.Region)));
    }

    [Fact]
    public void TheShippedGalunganDates_Are210DaysApartAndOnWednesdays()
    {
        var galungan = ShippedCalendars.Load("bali-2026.json", "bali-2027.json")
            .Where(h => h.Name == "Hari Raya Galungan")
            .Select(h => h.Date)
            .Order()
            .ToList();

        Assert.Equal([new DateOnly(2026, 6, 17), new DateOnly(2027, 1, 13), new DateOnly(2027, 8, 11)], galungan);
        Assert.All(galungan, day => Assert.Equal(DayOfWeek.Wednesday, day.DayOfWeek));
    }

    [Fact]
    public void LoadingTheShippedFolder_ReadsNationalAndRegionalFilesButNotTheReadme()
    {
        var holidays = HolidayFile.LoadDirectory(ShippedCalendars.Directory);

        Assert.Contains(holidays, h => h.Date == new DateOnly(2027, 3, 10) && h.Kind == HolidayKind.National);
        Assert.Contains(holidays, h => h.Date == new DateOnly(2027, 8, 11) && h.Region == "bali");
    }

    [Fact]
    public void AValidFile_IsReadWithItsRegion()
    {
        var path = Write("bali.json", """
            {
              "title": "Bali",
              "region": "bali",
              "sample": true,
              "source": "test",
              "holidays": [ { "date": "2026-06-17", "name": "Hari Raya Galungan", "kind": "Regional" } ]
            }
            """);

        Assert.Equal([new Holiday(new DateOnly(2026, 6, 17), "Hari Raya Galungan", HolidayKind.Regional, "bali")], HolidayFile.Load(path));
    }

    [Fact]
    public void CommentsTrailingCommasAndUnknownFields_AreAccepted()
    {
        var path = Write("edited.json", """
            {
              // edited by hand after the decree came out
              "region": null,
              "holidays": [
                { "date": "2026-01-01", "name": "Tahun Baru", "kind": "national", "note": "kind is case-insensitive" },
              ],
            }
            """);

        Assert.Equal(HolidayKind.National, Assert.Single(HolidayFile.Load(path)).Kind);
    }

    [Fact]
    public void ABadDate_IsReportedWithTheFileAndTheEntry()
    {
        var path = Write("typo.json", Entries(
            """{ "date": "2026-01-01", "name": "Tahun Baru", "kind": "National" }""",
            """{ "date": "2026-02-30", "name": "Imlek", "kind": "National" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("holidays[1]", error.Message);
        Assert.Contains("bad date '2026-02-30'", error.Message);
    }

    [Fact]
    public void ADateInTheWrongFormat_IsReportedAsABadDate()
    {
        var path = Write("format.json", Entries("""{ "date": "17/08/2026", "name": "HUT RI", "kind": "National" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains("holidays[0]", error.Message);
        Assert.Contains("YYYY-MM-DD", error.Message);
    }

    [Fact]
    public void AnUnknownKind_IsReportedWithTheKindsThatExist()
    {
        var path = Write("kind.json", Entries("""{ "date": "2026-08-17", "name": "HUT RI", "kind": "Nasional" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("holidays[0] (2026-08-17)", error.Message);
        Assert.Contains("unknown kind 'Nasional'", error.Message);
        Assert.Contains("National, CutiBersama, Regional", error.Message);
    }

    [Fact]
    public void ANumericKind_IsRejectedRatherThanReadAsAnEnumValue()
    {
        var path = Write("number.json", Entries("""{ "date": "2026-08-17", "name": "HUT RI", "kind": "1" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains("unknown kind '1'", error.Message);
    }

    [Fact]
    public void AMissingName_IsReportedWithTheEntry()
    {
        var path = Write("name.json", Entries(
            """{ "date": "2026-01-01", "name": "Tahun Baru", "kind": "National" }""",
            """{ "date": "2026-01-02", "name": "Libur", "kind": "CutiBersama" }""",
            """{ "date": "2026-08-17", "name": "  ", "kind": "National" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("holidays[2] (2026-08-17) is missing a name", error.Message);
    }

    [Fact]
    public void InvalidJson_IsReportedWithTheFile()
    {
        var path = Write("broken.json", """{ "holidays": [ { "date": "2026-01-01" """);

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void AFileWithoutAHolidaysArray_IsRejected()
    {
        var path = Write("empty.json", """{ "title": "nothing" }""");

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains("has no \"holidays\" array", error.Message);
    }

    [Fact]
    public void ARegionalDayInANationalFile_IsRejected()
    {
        var path = Write("mixed.json", Entries("""{ "date": "2026-06-17", "name": "Galungan", "kind": "Regional" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.Load(path));

        Assert.Contains("holidays[0] (2026-06-17) is Regional but the file has no \"region\"", error.Message);
    }

    [Fact]
    public void LoadingAFolder_ReadsEveryJsonFileAndKeepsDuplicateDates()
    {
        Write("a.json", Entries("""{ "date": "2026-03-20", "name": "Cuti bersama Idulfitri", "kind": "CutiBersama" }"""));
        Write("b.json", """
            { "region": "bali", "holidays": [ { "date": "2026-03-20", "name": "Ngembak Geni", "kind": "Regional" } ] }
            """);
        Write("notes.txt", "not a holiday file");

        var holidays = HolidayFile.LoadDirectory(_folder);

        Assert.Equal(["Cuti bersama Idulfitri", "Ngembak Geni"], holidays.Select(h => h.Name));
    }

    [Fact]
    public void LoadingAFolder_StopsAtTheFirstBadFileAndNamesIt()
    {
        Write("a.json", Entries("""{ "date": "2026-01-01", "name": "Tahun Baru", "kind": "National" }"""));
        var bad = Write("b.json", Entries("""{ "date": "2026-13-01", "name": "Typo", "kind": "National" }"""));

        var error = Assert.Throws<InvalidDataException>(() => HolidayFile.LoadDirectory(_folder));

        Assert.Contains(bad, error.Message);
    }

    private static string Entries(params string[] entries) =>
        $$"""{ "title": "test", "region": null, "sample": true, "holidays": [ {{string.Join(", ", entries)}} ] }""";

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
