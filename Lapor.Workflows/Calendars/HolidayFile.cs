using System.Globalization;
using System.Text.Json;

namespace Lapor.Workflows.Calendars;

/// <summary>
/// Reads the holiday files administrators maintain (see workflows/calendars/README.md).
/// </summary>
/// <remarks>
/// The files are edited by hand every year when the decree comes out, so every mistake is reported
/// with the file, the entry and what is wrong, and comments and trailing commas are tolerated.
/// </remarks>
public static class HolidayFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads one holiday file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON or an entry is wrong.</exception>
    public static IReadOnlyList<Holiday> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, Options);
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Read(path, document.RootElement);
        }
    }

    /// <summary>Reads every <c>*.json</c> file in <paramref name="directory"/>, in file name order.</summary>
    public static IReadOnlyList<Holiday> LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var files = Directory.GetFiles(directory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return [.. files.SelectMany(Load)];
    }

    private static List<Holiday> Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must contain a JSON object with a \"holidays\" array");
        }

        var region = ReadRegion(path, root);
        if (!root.TryGetProperty("holidays", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, "has no \"holidays\" array");
        }

        var holidays = new List<Holiday>(entries.GetArrayLength());
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            holidays.Add(ReadEntry(path, index, entry, region));
            index++;
        }

        return holidays;
    }

    private static string? ReadRegion(string path, JsonElement root)
    {
        if (!root.TryGetProperty("region", out var region) || region.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = region.ValueKind == JsonValueKind.String ? region.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            throw Invalid(path, "has a \"region\" that is neither null nor a region name such as \"bali\"");
        }

        return text;
    }

    private static Holiday ReadEntry(string path, int index, JsonElement entry, string? region)
    {
        var where = $"holidays[{index}]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"{where} is not an object with \"date\", \"name\" and \"kind\"");
        }

        var dateText = ReadString(entry, "date");
        if (dateText is null)
        {
            throw Invalid(path, $"{where} has no \"date\" (expected e.g. \"2026-01-01\")");
        }

        where = $"{where} ({dateText})";
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid(path, $"{where} has a bad date '{dateText}' (expected a real date written YYYY-MM-DD)");
        }

        var name = ReadString(entry, "name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid(path, $"{where} is missing a name");
        }

        var kindText = ReadString(entry, "kind");
        // Enum.TryParse also accepts numbers, which would let a typo such as "1" pass as a kind.
        if (kindText is null
            || !kindText.All(char.IsLetter)
            || !Enum.TryParse<HolidayKind>(kindText, ignoreCase: true, out var kind))
        {
            throw Invalid(
                path,
                $"{where} has an unknown kind '{kindText}' (expected one of {string.Join(", ", Enum.GetNames<HolidayKind>())})");
        }

        if (kind == HolidayKind.Regional && region is null)
        {
            throw Invalid(path, $"{where} is Regional but the file has no \"region\"; put regional days in a file with a region");
        }

        if (kind != HolidayKind.Regional && region is not null)
        {
            throw Invalid(path, $"{where} is {kind} but the file is for region '{region}'; keep national days in a national file");
        }

        return new Holiday(date, name, kind, region);
    }

    private static string? ReadString(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"Holiday file '{path}' {problem.TrimEnd('.')}.", inner);
}
