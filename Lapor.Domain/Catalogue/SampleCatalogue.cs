using System.Text.Json;
using Lapor.Domain.Agencies;
using Lapor.Domain.Categories;

namespace Lapor.Domain.Catalogue;

/// <summary>
/// The agencies and categories a fresh installation starts with, read from a JSON file. The embedded
/// <c>bali-catalogue.json</c> is a sample for Provinsi Bali (<see cref="IsSample"/>): administrators edit it
/// before real use. A file with problems is refused as a whole, listing every problem, because a category
/// pointing at a missing agency would strand reports.
/// </summary>
public sealed class SampleCatalogue
{
    public const string ResourceName = "Lapor.Domain.Catalogue.bali-catalogue.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private SampleCatalogue(
        bool isSample,
        string note,
        string province,
        string coordinatorAgencyCode,
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Category> categories)
    {
        IsSample = isSample;
        Note = note;
        Province = province;
        CoordinatorAgencyCode = coordinatorAgencyCode;
        Agencies = agencies;
        Categories = categories;
    }

    /// <summary>True while the data has not been checked by the province; the host should say so to administrators.</summary>
    public bool IsSample { get; }

    public string Note { get; }

    public string Province { get; }

    /// <summary>The agency that verifies and routes reports (the Inspektorat in a province).</summary>
    public string CoordinatorAgencyCode { get; }

    public IReadOnlyList<Agency> Agencies { get; }

    public IReadOnlyList<Category> Categories { get; }

    /// <summary>The catalogue embedded in this assembly.</summary>
    public static SampleCatalogue Load()
    {
        using var stream = typeof(SampleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>A catalogue from JSON in the embedded file's shape, e.g. one an administrator edited.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or describes an inconsistent catalogue.</exception>
    public static SampleCatalogue Parse(string json)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The catalogue is not valid JSON: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException("The catalogue is empty.");
        }

        var problems = new List<string>();
        var agencies = Build(file.Agencies, ToAgency, a => a.Code, "agency", problems);
        var categories = Build(file.Categories, ToCategory, c => c.Code, "category", problems);

        var agencyCodes = agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var activeAgencyCodes = agencies.Where(a => a.IsActive).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (!agencyCodes.Contains(category.DefaultAgencyCode))
            {
                problems.Add($"Category '{category.Code}' points at agency '{category.DefaultAgencyCode}', which is not in the catalogue.");
            }
            else if (category.IsActive && !activeAgencyCodes.Contains(category.DefaultAgencyCode))
            {
                problems.Add($"Category '{category.Code}' points at agency '{category.DefaultAgencyCode}', which is inactive.");
            }
        }

        var coordinator = file.CoordinatorAgencyCode?.Trim() ?? string.Empty;
        if (!agencyCodes.Contains(coordinator))
        {
            problems.Add($"The coordinator agency '{coordinator}' is not in the catalogue.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("The catalogue has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return new SampleCatalogue(file.Sample, file.Note ?? string.Empty, file.Province ?? string.Empty, coordinator, agencies, categories);
    }

    private static List<T> Build<TRow, T>(
        IReadOnlyList<TRow>? rows,
        Func<TRow, T> create,
        Func<T, string> code,
        string what,
        List<string> problems)
    {
        var built = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, index) in (rows ?? []).Select((row, index) => (row, index)))
        {
            if (row is null)
            {
                problems.Add($"The {what} at position {index + 1} is empty.");
                continue;
            }

            try
            {
                var item = create(row);
                if (seen.Add(code(item)))
                {
                    built.Add(item);
                }
                else
                {
                    problems.Add($"The {what} code '{code(item)}' appears more than once.");
                }
            }
            catch (ArgumentException e)
            {
                problems.Add($"The {what} at position {index + 1}: {e.Message}");
            }
        }

        return built;
    }

    private static Agency ToAgency(CatalogueFile.AgencyRow row)
    {
        if (!Enum.TryParse<AgencyKind>(row.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"'{row.Kind}' is not an agency kind ({string.Join(", ", Enum.GetNames<AgencyKind>())}).");
        }

        var agency = Agency.Create(row.Code!, row.Name!, row.ShortName!, kind, row.Email);
        if (!row.IsActive)
        {
            agency.Deactivate();
        }

        return agency;
    }

    private static Category ToCategory(CatalogueFile.CategoryRow row)
    {
        var category = Category.Create(row.Code!, row.Name!, row.DefaultAgencyCode!);
        if (!row.IsActive)
        {
            category.Deactivate();
        }

        return category;
    }
}
